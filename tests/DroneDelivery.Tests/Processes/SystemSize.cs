namespace DroneDelivery.Tests.Processes;

/// <summary>How big a <see cref="ProcessSystem"/> is and how fast its simulated fleet flies.</summary>
internal sealed record SystemSize
{
    public int Silos { get; init; } = 3;

    public int Gateways { get; init; } = 2;

    public int Drones { get; init; } = 20;

    /// <summary>The simulator's time scale: at 30, a 6 km trip takes about 15 real seconds.</summary>
    public double SimulatorSpeed { get; init; } = 30;

    /// <summary>Home bases, pickups and drop-offs lie within this distance of the fleet's centre.</summary>
    public double RadiusKm { get; init; } = 3;
}
