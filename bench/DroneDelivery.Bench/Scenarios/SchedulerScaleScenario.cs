using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Load;
using DroneDelivery.Bench.Reporting;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Scenario 3: how assignment latency grows with the drones a scheduler holds. The fleet is packed
/// into two cells, grown in steps (1k, then 10k by default), and after each step delivery requests,
/// sent at a paced rate, are timed from sending to the 202 that names the drone. Each step also
/// weighs the fleet: the managed heap it added, per idle drone.
/// </summary>
public static class SchedulerScaleScenario
{
    private const int Cells = 2;

    public static async Task<ScenarioRun> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        // Membership, reminders and streams stay on Azurite either way; only grain state moves to memory.
        Console.WriteLine($"scale: starting Azurite, silo and gateway, grain state in {options.ScaleStorage}");
        await using var system = await BenchSystem.StartAsync(memoryGrainStorage: options.ScaleStorage == "memory", cancellationToken);
        using var operatorClient = system.CreateClient(BenchSystem.OperatorKey);
        using var anonymous = system.CreateClient();
        using var business = system.CreateClient(await Fleet.RegisterBusinessAsync(anonymous, cancellationToken));
        var area = new BenchArea(Cells);

        var measurements = new List<Measurement>();
        var ratios = new Dictionary<string, double>();
        var registered = 0;

        // Silo, gateway and load share this process, so its managed heap after a full collection,
        // grown by the fleet alone, is what the drones cost: grain, state, scheduler and roster entries.
        var empty = HeapBytes();
        var beforeStep = empty;
        foreach (var size in options.ScaleSteps)
        {
            Console.WriteLine($"scale: growing the fleet to {size} drones in {Cells} cells");
            var seeding = System.Diagnostics.Stopwatch.StartNew();
            await Fleet.RegisterDronesAsync(operatorClient, area, $"scale{size}", size - registered, options.SeedConcurrency, cancellationToken);
            ratios[$"seed-seconds-{size}"] = Math.Round(seeding.Elapsed.TotalSeconds, 1);
            Console.WriteLine($"scale: {size - registered} drones registered in {seeding.Elapsed.TotalSeconds:0.#} s");
            var grown = HeapBytes();
            ratios[$"heap-bytes-per-idle-drone-{size}"] = Math.Round((grown - empty) / (double)size);
            if (registered > 0)
            {
                // Only what this step's drones added, leaving out the deliveries of the step before.
                ratios[$"heap-bytes-per-added-drone-{size}"] = Math.Round((grown - beforeStep) / (double)(size - registered));
            }

            registered = size;

            // Paced by default: a closed loop would assign the first step's whole fleet within seconds
            // once storage is in memory, and measure queueing at saturation rather than one assignment.
            var rate = options.EffectiveScaleRate;
            var measured = await ClosedLoop.RunAsync($"assign-{size}-drones", "request", options.Concurrency, options.Warmup, options.Duration,
                (_, ct) => IngestScenario.PostDeliveryAsync(business, "/api/deliveryrequests", area, ct),
                rate > 0 ? new Pacer(rate).WaitTurnAsync : null);
            measurements.Add(measured);
            ratios[$"scheduled-share-{size}"] = Math.Round(measured.Marked / (double)Math.Max(measured.Operations, 1), 4);
            beforeStep = HeapBytes();
        }

        var smallest = measurements[0];
        foreach (var m in measurements.Skip(1))
        {
            ratios[$"{m.Name}/{smallest.Name} p50"] = Math.Round(m.P50Ms / Math.Max(smallest.P50Ms, 1e-9), 3);
            ratios[$"{m.Name}/{smallest.Name} p99"] = Math.Round(m.P99Ms / Math.Max(smallest.P99Ms, 1e-9), 3);
        }

        return new ScenarioRun("two-cells", measurements, ratios);
    }

    private static long HeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
