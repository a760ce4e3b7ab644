using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Load;
using DroneDelivery.Bench.Reporting;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Scenario 1: businesses' delivery requests over real HTTP, measured side by side with three
/// ceilings in the same process and run: a bare endpoint, one grain call, raw table upserts.
/// </summary>
public static class IngestScenario
{
    public static async Task<ScenarioRun> RunAsync(BenchOptions options, bool memoryGrainStorage, CancellationToken cancellationToken)
    {
        var label = memoryGrainStorage ? "memory-grain-state" : "azure-table-grain-state";
        Console.WriteLine($"ingest ({label}): starting Azurite, silo and gateway");
        await using var system = await BenchSystem.StartAsync(memoryGrainStorage, cancellationToken);
        using var operatorClient = system.CreateClient(BenchSystem.OperatorKey);
        using var anonymous = system.CreateClient();

        var area = new BenchArea(options.Cells);
        var fleetSize = memoryGrainStorage ? options.MemoryIngestDrones : options.IngestDrones;
        Console.WriteLine($"ingest ({label}): registering {fleetSize} drones in {options.Cells} cells");
        var drones = await Fleet.RegisterDronesAsync(operatorClient, area, "bench", fleetSize, options.Concurrency, cancellationToken);
        using var business = system.CreateClient(await Fleet.RegisterBusinessAsync(anonymous, cancellationToken));

        var (c, w, d) = (options.Concurrency, options.Warmup, options.Duration);
        Console.WriteLine($"ingest ({label}): ceilings");
        var noop = await ClosedLoop.RunAsync("ceiling-noop", "request", c, w, d, (_, ct) =>
            PostDeliveryAsync(anonymous, BenchEndpoints.NoopPath, area, ct));
        var grain = await ClosedLoop.RunAsync("ceiling-grain-call", "request", c, w, d, (_, ct) =>
            PostDeliveryAsync(anonymous, BenchEndpoints.GrainPath + drones[Random.Shared.Next(drones.Count)], area, ct));
        var table = await TableUpsertCeiling.RunAsync(system.StorageConnectionString, c, w, d, cancellationToken);

        Console.WriteLine($"ingest ({label}): delivery requests");
        long accepted = 0, scheduled = 0;
        using var writes = new StorageRequestCounter(system.StoragePort);
        var ingest = await ClosedLoop.RunAsync("ingest", "request", c, w, d, async (_, ct) =>
        {
            var outcome = await PostDeliveryAsync(business, "/api/deliveryrequests", area, ct);
            if (outcome != Outcome.Error)
            {
                Interlocked.Increment(ref accepted);
            }

            if (outcome == Outcome.Marked)
            {
                Interlocked.Increment(ref scheduled);
            }

            return outcome;
        });

        // Over the whole phase, warm-up included: every write the requests caused, in storage
        // (grain state and reminders alike; with memory state, membership alone).
        var written = writes.Writes;

        return new ScenarioRun(label, [ingest, noop, grain, table], new Dictionary<string, double>
        {
            ["ingest/ceiling-noop"] = Ratio(ingest, noop),
            ["ingest/ceiling-grain-call"] = Ratio(ingest, grain),
            ["ingest/ceiling-table-upsert"] = Ratio(ingest, table),
            ["scheduled/ceiling-noop"] = Math.Round(ingest.MarkedPerSecond / Math.Max(noop.PerSecond, 1e-9), 4),
            ["storage-writes-per-accepted"] = Math.Round(written / Math.Max(accepted, 1d), 2),
            ["storage-writes-per-scheduled"] = Math.Round(written / Math.Max(scheduled, 1d), 2),
        });
    }

    public static double Ratio(Measurement part, Measurement ceiling) => Math.Round(part.PerSecond / Math.Max(ceiling.PerSecond, 1e-9), 4);

    /// <summary>Posts a fresh delivery request; every endpoint gets the same body, so transport costs match.</summary>
    public static async Task<Outcome> PostDeliveryAsync(HttpClient client, string path, BenchArea area, CancellationToken cancellationToken)
    {
        var cell = Random.Shared.Next(area.Cells);
        var body = new
        {
            pickup = BenchArea.PointNear(cell, 3),
            dropoff = BenchArea.PointNear(cell, 5),
            package = new { size = "Small", weightKg = 1 },
        };
        using var response = await client.PostAsJsonAsync(path, body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return Outcome.Error;
        }

        // The stage tells whether a drone was assigned within the request.
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!text.StartsWith('{'))
        {
            return Outcome.Ok;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("stage", out var stage) && stage.GetString() == "Scheduled" ? Outcome.Marked : Outcome.Ok;
    }
}
