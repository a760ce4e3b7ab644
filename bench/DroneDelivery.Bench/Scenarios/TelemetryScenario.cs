using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Load;
using DroneDelivery.Bench.Reporting;
using DroneDelivery.GrainInterfaces;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Scenario 2: drones posting their own fixes in batches to <c>POST /api/telemetry</c> at a target rate,
/// through the memory stream provider into the drone grains; against raw grain calls per second
/// from the gateway's cluster client in the same run.
/// </summary>
public static class TelemetryScenario
{
    public static async Task<ScenarioRun> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine("telemetry: starting Azurite, silo and gateway");
        await using var system = await BenchSystem.StartAsync(memoryGrainStorage: false, cancellationToken);

        // Started after the silo: a listener is told of instruments published before it started too.
        using var processed = new FixCounter(system.SiloMeters);
        using var operatorClient = system.CreateClient(BenchSystem.OperatorKey);
        using var droneClient = system.CreateClient(BenchSystem.DroneKey);

        var area = new BenchArea(options.Cells);
        Console.WriteLine($"telemetry: registering {options.TelemetryDrones} drones");
        var drones = await Fleet.RegisterDronesAsync(operatorClient, area, "tlm", options.TelemetryDrones, options.Concurrency, cancellationToken);

        var (c, w, d) = (options.Concurrency, options.Warmup, options.Duration);
        Console.WriteLine("telemetry: ceiling");
        var grains = system.ClusterClient;
        var grainCalls = await ClosedLoop.RunAsync("ceiling-grain-call", "grain call", c, w, d, async (_, _) =>
        {
            await grains.GetGrain<IDroneGrain>(drones[Random.Shared.Next(drones.Count)]).GetAvailabilityAsync();
            return Outcome.Ok;
        });

        // Each worker owns a slice of the drones and posts their fixes in order, so no fix is
        // overtaken by a newer one of the same drone (the grain would rightly ignore it). A
        // request holds one drone's fixes, as a drone posts its own.
        var workers = Math.Max(1, Math.Min(c, drones.Count));
        var slices = Enumerable.Range(0, workers).Select(k => new DroneSlice([.. drones.Where((_, i) => i % workers == k)], options.TelemetryBatch)).ToArray();
        var pacer = options.TelemetryRate > 0 ? new Pacer((double)options.TelemetryRate / slices[0].BatchSize) : null;
        long sent = 0;

        Console.WriteLine($"telemetry: fixes ({workers} senders, {slices[0].BatchSize} fixes a batch, target {options.TelemetryRate}/s)");
        var windowCounts = SampleWindowAsync(processed, w, d);
        var accepted = await ClosedLoop.RunAsync("telemetry-accepted", "fix", workers, w, d, async (worker, ct) =>
        {
            var batch = slices[worker].NextBatch();
            using var response = await droneClient.PostAsJsonAsync("/api/telemetry", batch, ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return Outcome.Error;
            }

            Interlocked.Add(ref sent, batch.Length);
            return Outcome.Ok;
        }, pacer is null ? null : pacer.WaitTurnAsync, operationsPerCall: slices[0].BatchSize);
        var (inWindow, allocatedBytes, cpu, gen0, gen2) = await windowCounts;
        var backlog = Interlocked.Read(ref sent) - processed.Total;
        var drain = await DrainAsync(processed, Interlocked.Read(ref sent));

        var taken = new Measurement("telemetry-processed", "fix", inWindow, 0, 0, d.TotalSeconds,
            Math.Round(inWindow / d.TotalSeconds, 1), 0, 0, 0, 0);
        return new ScenarioRun("memory-streams", [accepted, taken, grainCalls], new Dictionary<string, double>
        {
            ["telemetry-accepted/ceiling-grain-call"] = IngestScenario.Ratio(accepted, grainCalls),
            ["telemetry-processed/ceiling-grain-call"] = IngestScenario.Ratio(taken, grainCalls),
            ["telemetry-processed/telemetry-accepted"] = IngestScenario.Ratio(taken, accepted),
            ["target-fixes-per-second"] = options.TelemetryRate,
            ["backlog-when-load-stopped"] = backlog,
            ["drain-seconds"] = Math.Round(drain.TotalSeconds, 2),
            ["allocated-bytes-per-fix"] = inWindow > 0 ? Math.Round((double)allocatedBytes / inWindow) : 0,
            ["cpu-microseconds-per-fix"] = inWindow > 0 ? Math.Round(cpu.TotalMicroseconds / inWindow, 1) : 0,
            ["gen0-collections-per-second"] = Math.Round(gen0 / d.TotalSeconds, 1),
            ["gen2-collections"] = gen2,
        });
    }

    /// <summary>
    /// Fixes taken in during the measured window (the same window the senders are measured in),
    /// with the bytes the whole process allocated, the CPU time it used and the collections it
    /// made meanwhile. The process holds the senders too, so bytes and CPU include their HTTP and
    /// JSON; they are compared between runs, not read as the silo's cost alone. Per fix, they move
    /// far less from run to run than the rate does on a shared machine.
    /// </summary>
    private static async Task<(long Fixes, long AllocatedBytes, TimeSpan Cpu, int Gen0, int Gen2)> SampleWindowAsync(FixCounter processed, TimeSpan warmup, TimeSpan duration)
    {
        await Task.Delay(warmup);
        using var process = Process.GetCurrentProcess();
        var (start, allocated, cpu, gen0, gen2) = (processed.Total, GC.GetTotalAllocatedBytes(), process.TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(2));
        await Task.Delay(duration);
        process.Refresh();
        return (processed.Total - start, GC.GetTotalAllocatedBytes() - allocated, process.TotalProcessorTime - cpu, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2);
    }

    /// <summary>How long after the load the grains took to take in everything accepted (at most 30 s).</summary>
    private static async Task<TimeSpan> DrainAsync(FixCounter processed, long sent)
    {
        var clock = Stopwatch.StartNew();
        while (processed.Total < sent && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        return clock.Elapsed;
    }
}
