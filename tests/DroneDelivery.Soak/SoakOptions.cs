using System.Globalization;

namespace DroneDelivery.Soak;

/// <summary>The soak run's size and length, from <c>--minutes N</c>-style arguments.</summary>
internal sealed record SoakOptions
{
    /// <summary>How long the load and the faults go on; then every delivery is given time to finish. Default: 10.</summary>
    public double Minutes { get; init; } = 10;

    public int Drones { get; init; } = 50;

    /// <summary>Deliveries kept unfinished at any time. Default: 100.</summary>
    public int InFlight { get; init; } = 100;

    /// <summary>The simulator's time scale. Default: 20.</summary>
    public double Speed { get; init; } = 20;

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--drones" => options with { Drones = int.Parse(value, CultureInfo.InvariantCulture) },
                "--in-flight" => options with { InFlight = int.Parse(value, CultureInfo.InvariantCulture) },
                "--speed" => options with { Speed = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}; use --minutes N, --drones N, --in-flight N, --speed X."),
            };
            i++;
        }

        return options.Minutes > 0 && options.Drones > 0 && options.InFlight > 0 && options.Speed > 0
            ? options
            : throw new ArgumentException("--minutes, --drones, --in-flight and --speed must be positive.");
    }
}
