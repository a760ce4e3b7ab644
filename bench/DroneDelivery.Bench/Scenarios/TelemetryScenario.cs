using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Load;
using DroneDelivery.Bench.Reporting;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Streaming;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Scenario 2: drones posting their own fixes in batches to <c>POST /api/telemetry</c> at a target rate,
/// through the telemetry stream (memory streams, or Azure Queue streams on Azurite) into the drone
/// grains; against raw grain calls per second from the gateway's cluster client in the same run,
/// and for Azure Queue also raw queue messages of the same bytes, each sent and deleted.
/// </summary>
public static class TelemetryScenario
{
    /// <summary>The names of the streams the scenario runs over, as <c>--telemetry-streams</c> takes them.</summary>
    public static readonly IReadOnlyDictionary<string, TelemetryStreamProvider> Streams = new Dictionary<string, TelemetryStreamProvider>
    {
        ["memory"] = TelemetryStreamProvider.Memory,
        ["azure-queue"] = TelemetryStreamProvider.AzureQueue,
    };

    public static async Task<ScenarioRun> RunAsync(BenchOptions options, string streams, CancellationToken cancellationToken)
    {
        var provider = Streams[streams];
        var label = streams + "-streams";
        Console.WriteLine($"telemetry ({label}): starting Azurite, silo and gateway");
        await using var system = await BenchSystem.StartAsync(memoryGrainStorage: false, cancellationToken, provider);

        // Started after the silo: a listener is told of instruments published before it started too.
        using var processed = new HostCounter(system.SiloMeters, "dronedelivery.telemetry.fixes");
        using var operatorClient = system.CreateClient(BenchSystem.OperatorKey);
        using var droneClient = system.CreateClient(BenchSystem.DroneKey);

        var area = new BenchArea(options.Cells);
        Console.WriteLine($"telemetry: registering {options.TelemetryDrones} drones");
        var drones = await Fleet.RegisterDronesAsync(operatorClient, area, "tlm", options.TelemetryDrones, options.Concurrency, cancellationToken);

        var (c, w, d) = (options.Concurrency, options.Warmup, options.Duration);
        Console.WriteLine($"telemetry ({label}): ceilings");
        var grains = system.ClusterClient;
        var grainCalls = await ClosedLoop.RunAsync("ceiling-grain-call", "grain call", c, w, d, async (_, _) =>
        {
            await grains.Reference<IDroneGrain>(drones[Random.Shared.Next(drones.Count)]).GetAvailabilityAsync();
            return Outcome.Ok;
        });

        // A request's fixes travel as this many stream items, each a queue message of its own.
        var itemsPerRequest = (options.TelemetryBatch + TelemetryStreams.MaxFixesPerItem - 1) / TelemetryStreams.MaxFixesPerItem;
        var queueMessages = provider == TelemetryStreamProvider.AzureQueue
            ? await QueueMessageCeiling.RunAsync(system, drones[0], Math.Min(options.TelemetryBatch, TelemetryStreams.MaxFixesPerItem), c, w, d, cancellationToken)
            : ((Measurement Messages, int MessageBytes)?)null;

        // Each worker owns a slice of the drones and posts their fixes in order, so no fix is
        // overtaken by a newer one of the same drone (the grain would rightly ignore it). A
        // request holds one drone's fixes, as a drone posts its own.
        var workers = Math.Max(1, Math.Min(c, drones.Count));
        var slices = Enumerable.Range(0, workers).Select(k => new DroneSlice([.. drones.Where((_, i) => i % workers == k)], options.TelemetryBatch)).ToArray();
        var pacer = options.TelemetryRate > 0 ? new Pacer((double)options.TelemetryRate / slices[0].BatchSize) : null;
        long sent = 0;

        Console.WriteLine($"telemetry ({label}): fixes ({workers} senders, {slices[0].BatchSize} fixes a batch, target {options.TelemetryRate}/s)");
        // Requests to the telemetry queues from the load's start until the grains took everything in.
        using var queueRequests = provider == TelemetryStreamProvider.AzureQueue ? new StorageRequestCounter(system.QueuePort) : null;
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
        var (inWindow, spent) = await windowCounts;
        var backlog = Interlocked.Read(ref sent) - processed.Total;
        var drain = await DrainAsync(processed, Interlocked.Read(ref sent));
        var left = Math.Max(0, Interlocked.Read(ref sent) - processed.Total);
        var (queueWrites, queueReads) = (0L, 0L);
        if (queueRequests is not null)
        {
            // The reads until the grains took everything in; the writes once the silo has also
            // deleted every message it read, which it does after handing them over.
            queueReads = queueRequests.Reads;
            await WaitForEmptyQueuesAsync(system);
            queueWrites = queueRequests.Writes;
        }

        var taken = new Measurement("telemetry-processed", "fix", inWindow, 0, 0, d.TotalSeconds,
            Math.Round(inWindow / d.TotalSeconds, 1), 0, 0, 0, 0);
        var ratios = new Dictionary<string, double>
        {
            ["telemetry-accepted/ceiling-grain-call"] = IngestScenario.Ratio(accepted, grainCalls),
            ["telemetry-processed/ceiling-grain-call"] = IngestScenario.Ratio(taken, grainCalls),
            ["telemetry-processed/telemetry-accepted"] = IngestScenario.Ratio(taken, accepted),
            ["target-fixes-per-second"] = options.TelemetryRate,
            ["backlog-when-load-stopped"] = backlog,
            ["drain-seconds"] = Math.Round(drain.TotalSeconds, 2),
            ["left-after-drain"] = left,
            ["allocated-bytes-per-fix"] = inWindow > 0 ? Math.Round((double)spent.AllocatedBytes / inWindow) : 0,
            ["cpu-microseconds-per-fix"] = inWindow > 0 ? Math.Round(spent.Cpu.TotalMicroseconds / inWindow, 1) : 0,
        };
        spent.AddCollectionRatios(ratios, d);
        if (queueMessages is not { } queue)
        {
            return new ScenarioRun(label, [accepted, taken, grainCalls], ratios);
        }

        // Stream items a second against raw messages a second: how near the queue's own pace the stream runs.
        var itemsPerSecond = accepted.PerSecond / options.TelemetryBatch * itemsPerRequest;
        ratios["telemetry-items/ceiling-queue-message"] = queue.Messages.PerSecond > 0 ? Math.Round(itemsPerSecond / queue.Messages.PerSecond, 3) : 0;
        ratios["queue-message-bytes"] = queue.MessageBytes;

        // Per item put on the queue: its send and its delete, and the silo's reads, polls of empty queues included.
        var items = Interlocked.Read(ref sent) / (double)options.TelemetryBatch * itemsPerRequest;
        ratios["queue-writes-per-item"] = items > 0 ? Math.Round(queueWrites / items, 3) : 0;
        ratios["queue-reads-per-item"] = items > 0 ? Math.Round(queueReads / items, 3) : 0;
        return new ScenarioRun(label, [accepted, taken, grainCalls, queue.Messages], ratios);
    }

    /// <summary>
    /// Fixes taken in during the measured window (the same window the senders are measured in),
    /// and what the process spent meanwhile. The process holds the senders too, so bytes and CPU
    /// include their HTTP and JSON. Per fix, they move far less from run to run than the rate
    /// does on a shared machine.
    /// </summary>
    private static async Task<(long Fixes, ProcessSample Spent)> SampleWindowAsync(HostCounter processed, TimeSpan warmup, TimeSpan duration)
    {
        await Task.Delay(warmup);
        var (start, sample) = (processed.Total, ProcessSample.Now());
        await Task.Delay(duration);
        return (processed.Total - start, ProcessSample.Since(sample));
    }

    /// <summary>Waits, at most 30 s, until the telemetry queues hold no message, read or not.</summary>
    private static async Task WaitForEmptyQueuesAsync(BenchSystem system)
    {
        var service = new QueueServiceClient(system.StorageConnectionString);
        var queues = system.TelemetrySettings.AzureQueueNames().Select(service.GetQueueClient).ToArray();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var properties = await Task.WhenAll(queues.Select(queue => queue.GetPropertiesAsync()));
            if (properties.All(p => p.Value.ApproximateMessagesCount == 0))
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>How long after the load the grains took to take in everything accepted (at most 30 s).</summary>
    private static async Task<TimeSpan> DrainAsync(HostCounter processed, long sent)
    {
        var clock = Stopwatch.StartNew();
        while (processed.Total < sent && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        return clock.Elapsed;
    }
}
