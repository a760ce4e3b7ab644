using System.Globalization;

namespace DroneDelivery.Bench;

/// <summary>The command line, parsed in one place. Sizes shrink with <c>--quick</c> so CI can run the harness end to end.</summary>
public sealed record BenchOptions
{
    /// <summary>Scenarios to run: <c>ingest</c>, <c>telemetry</c>, <c>scale</c>, <c>fanout</c>. Default (and <c>all</c>): ingest and telemetry; scale and fanout only when named.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = ["ingest", "telemetry"];

    /// <summary>Measured time of each load phase. Default: 20 s (1 s with --quick).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Load run before each measured phase and not counted. Default: 3 s (0.3 s with --quick).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Requests in flight at once. Default: 32.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Drones registered for the ingest scenario. Default: 2,000 (40 with --quick).</summary>
    public int IngestDrones { get; init; } = 2000;

    /// <summary>Drones registered for the memory-state ingest run, which schedules several times faster. Default: 20,000.</summary>
    public int MemoryIngestDrones { get; init; } = 20000;

    /// <summary>Region cells the fleet is spread over. Default: 8 (2 with --quick).</summary>
    public int Cells { get; init; } = 8;

    /// <summary>Drones posting telemetry. Default: 1,000 (20 with --quick).</summary>
    public int TelemetryDrones { get; init; } = 1000;

    /// <summary>Fixes per telemetry request. Default: 50 (5 with --quick).</summary>
    public int TelemetryBatch { get; init; } = 50;

    /// <summary>Target fixes per second over all drones; 0 sends as fast as the gateway answers. Default: 20,000 (500 with --quick).</summary>
    public int TelemetryRate { get; init; } = 20000;

    /// <summary>
    /// The telemetry streams the telemetry scenario runs over, each on a system of its own:
    /// <c>memory</c> (the local default) and <c>azure-queue</c> (Azure Queue streams on the same
    /// Azurite, a queue service of its own). Default: both (memory only with --quick).
    /// </summary>
    public IReadOnlyList<string> TelemetryStreams { get; init; } = ["memory", "azure-queue"];

    /// <summary>Also run ingest with grain state and reminders in memory (membership and stream subscriptions stay on Azurite). Default: true.</summary>
    public bool MemoryStorageRun { get; init; } = true;

    /// <summary>Fleet sizes of the scheduler-scale scenario, grown in this order. Default: 1,000 then 10,000.</summary>
    public IReadOnlyList<int> ScaleSteps { get; init; } = [1000, 10000];

    /// <summary>
    /// Grain state of the scheduler-scale scenario: <c>memory</c> (default) so the scheduler's own
    /// cost is measured, or <c>table</c> (Azurite) as in runs before 100k drones, where storage
    /// latency hides it and seeding 100k drones takes about 20 minutes.
    /// </summary>
    public string ScaleStorage { get; init; } = "memory";

    /// <summary>
    /// Delivery requests per second of each scheduler-scale step; 0 sends as fast as the gateway
    /// answers. Default: half the first step's fleet over the step's warm-up and duration, so no
    /// step runs out of drones and every latency is an assignment.
    /// </summary>
    public int? ScaleRate { get; init; }

    /// <summary>Drone registrations in flight at once while a scenario seeds its fleet. Default: 64 (4 with --quick).</summary>
    public int SeedConcurrency { get; init; } = 64;

    /// <summary>SignalR connections watching deliveries in the fan-out scenario. Default: 1,000 (10 with --quick).</summary>
    public int Watchers { get; init; } = 1000;

    /// <summary>Drones flying a delivery each in the fan-out scenario; watcher i watches delivery i modulo this. Default: 100 (5 with --quick).</summary>
    public int FanoutDrones { get; init; } = 100;

    /// <summary>
    /// Grain state of the fan-out scenario: <c>table</c> (Azurite, default), or <c>memory</c>, so
    /// that at 10,000 drones the storage emulator's share of the two cores is left out.
    /// </summary>
    public string FanoutStorage { get; init; } = "table";

    /// <summary>Fixes per second of every fan-out drone, sent as one batch per tick. Default: 2.</summary>
    public double FixHz { get; init; } = 2;

    public bool Quick { get; init; }

    /// <summary>Where results go. Default: <c>bench/results</c> under the repository.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The requests per second each scale step sends; 0 for a closed loop.</summary>
    public int EffectiveScaleRate =>
        ScaleRate ?? Math.Max(1, (int)(ScaleSteps[0] / 2 / Math.Max(1, (Warmup + Duration).TotalSeconds)));

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickDefaults : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }

            if (name == "--no-memory-run")
            {
                options = options with { MemoryStorageRun = false };
                continue;
            }

            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--scenario" => options with { Scenarios = value == "all" ? ["ingest", "telemetry"] : [.. value.Split(',')] },
                "--duration" => options with { Duration = ParseDuration(value) },
                "--warmup" => options with { Warmup = ParseDuration(value) },
                "--concurrency" => options with { Concurrency = ParsePositive(name, value) },
                "--drones" => options with { IngestDrones = ParsePositive(name, value) },
                "--memory-drones" => options with { MemoryIngestDrones = ParsePositive(name, value) },
                "--cells" => options with { Cells = ParsePositive(name, value) },
                "--telemetry-drones" => options with { TelemetryDrones = ParsePositive(name, value) },
                "--batch" => options with { TelemetryBatch = ParsePositive(name, value) },
                "--telemetry-streams" => options with { TelemetryStreams = ParseStreams(name, value) },
                "--rate" => options with { TelemetryRate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--scale-steps" => options with { ScaleSteps = [.. value.Split(',').Select(v => ParsePositive(name, v))] },
                "--scale-storage" => options with { ScaleStorage = value is "memory" or "table" ? value : throw new ArgumentException("--scale-storage must be memory or table.") },
                "--scale-rate" => options with { ScaleRate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed-concurrency" => options with { SeedConcurrency = ParsePositive(name, value) },
                "--watchers" => options with { Watchers = ParsePositive(name, value) },
                "--fanout-drones" => options with { FanoutDrones = ParsePositive(name, value) },
                "--fanout-storage" => options with { FanoutStorage = value is "memory" or "table" ? value : throw new ArgumentException("--fanout-storage must be memory or table.") },
                "--fix-hz" => options with { FixHz = ParseRate(name, value) },
                "--out" => options with { OutputDirectory = value },
                _ => throw new ArgumentException($"Unknown option {name}. " + Usage),
            };
        }

        if (options.ScaleSteps.Zip(options.ScaleSteps.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("--scale-steps must grow, e.g. 1000,10000.");
        }

        var unknown = options.Scenarios.Except(["ingest", "telemetry", "scale", "fanout"]).ToList();
        if (options.ScaleRate < 0)
        {
            throw new ArgumentException("--scale-rate must be 0 (as fast as answered) or more.");
        }

        return unknown.Count == 0 ? options : throw new ArgumentException($"Unknown scenario {unknown[0]}. " + Usage);
    }

    public const string Usage =
        "Usage: [--scenario ingest|telemetry|scale|fanout|all] [--duration 20s] [--warmup 3s] [--concurrency 32] [--drones 2000] [--memory-drones 20000] [--cells 8] "
        + "[--telemetry-drones 1000] [--batch 50] [--rate 20000] [--telemetry-streams memory,azure-queue] [--scale-steps 1000,10000] [--scale-storage memory|table] [--scale-rate N] [--seed-concurrency 64] [--watchers 1000] [--fanout-drones 100] [--fanout-storage table|memory] [--fix-hz 2] "
        + "[--no-memory-run] [--quick] [--out bench/results]";

    private static BenchOptions QuickDefaults => new()
    {
        Quick = true,
        Duration = TimeSpan.FromSeconds(1),
        Warmup = TimeSpan.FromSeconds(0.3),
        Concurrency = 4,
        IngestDrones = 40,
        MemoryIngestDrones = 40,
        Cells = 2,
        TelemetryDrones = 20,
        TelemetryBatch = 5,
        TelemetryRate = 500,
        MemoryStorageRun = false,
        TelemetryStreams = ["memory"],
        ScaleSteps = [20, 60],
        SeedConcurrency = 4,
        Watchers = 10,
        FanoutDrones = 5,
    };

    /// <summary>"20s", "500ms", "1m", or plain seconds.</summary>
    private static TimeSpan ParseDuration(string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, 1.0);
        return TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture) * unit);
    }

    /// <summary>A rate in hertz: above 0, and at most 50 (the most the gateway's tracking push is allowed).</summary>
    private static double ParseRate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hz) && hz > 0 && hz <= 50
            ? hz
            : throw new ArgumentException($"{name} must be above 0 and at most 50.");

    /// <summary>"memory", "azure-queue" or both, comma-separated, each once.</summary>
    private static string[] ParseStreams(string name, string value)
    {
        var streams = value.Split(',');
        return streams.Length > 0 && streams.All(DroneDelivery.Bench.Scenarios.TelemetryScenario.Streams.ContainsKey) && streams.Distinct().Count() == streams.Length
            ? streams
            : throw new ArgumentException($"{name} must be memory, azure-queue, or both, e.g. memory,azure-queue.");
    }

    private static int ParsePositive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number.");
}
