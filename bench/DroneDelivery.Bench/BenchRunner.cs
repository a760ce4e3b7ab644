using System.Globalization;
using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Reporting;
using DroneDelivery.Bench.Scenarios;

namespace DroneDelivery.Bench;

/// <summary>Runs the chosen scenarios one after another, each on a system of its own, and writes their results.</summary>
public static class BenchRunner
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var output = options.OutputDirectory ?? Path.Combine(root ?? Environment.CurrentDirectory, "bench", "results");
        var machine = MachineInfo.Current(root);

        foreach (var scenario in options.Scenarios)
        {
            var started = DateTimeOffset.UtcNow;
            List<ScenarioRun> runs = scenario switch
            {
                "ingest" => options.MemoryStorageRun
                    ? [await IngestScenario.RunAsync(options, false, cancellationToken), await IngestScenario.RunAsync(options, true, cancellationToken)]
                    : [await IngestScenario.RunAsync(options, false, cancellationToken)],
                "scale" => [await SchedulerScaleScenario.RunAsync(options, cancellationToken)],
                "fanout" => [await FanoutScenario.RunAsync(options, cancellationToken)],
                _ => await RunEachAsync(options.TelemetryStreams, streams => TelemetryScenario.RunAsync(options, streams, cancellationToken)),
            };

            var report = new ScenarioReport(scenario, started, machine, Settings(options, scenario), runs);
            var path = await ResultWriter.WriteAsync(report, output, cancellationToken);
            var chart = ChartWriter.Write(report, output);
            Console.WriteLine(ResultWriter.Markdown(report));
            Console.WriteLine($"Written: {path}, {chart}");
        }
    }

    private static async Task<List<ScenarioRun>> RunEachAsync(IEnumerable<string> variants, Func<string, Task<ScenarioRun>> run)
    {
        var runs = new List<ScenarioRun>();
        foreach (var variant in variants)
        {
            runs.Add(await run(variant));
        }

        return runs;
    }

    private static Dictionary<string, string> Settings(BenchOptions o, string scenario)
    {
        var settings = new Dictionary<string, string>
        {
            ["duration"] = Seconds(o.Duration),
            ["warmup"] = Seconds(o.Warmup),
            ["concurrency"] = Number(o.Concurrency),
            ["cells"] = Number(o.Cells),
            ["quick"] = o.Quick ? "true" : "false",
        };
        if (scenario == "ingest")
        {
            settings["drones"] = Number(o.IngestDrones);
            if (o.MemoryStorageRun)
            {
                settings["memoryRunDrones"] = Number(o.MemoryIngestDrones);
            }
        }
        else if (scenario == "scale")
        {
            settings["cells"] = "2";
            settings["fleetSteps"] = string.Join(" then ", o.ScaleSteps.Select(Number));
            settings["grainState"] = o.ScaleStorage == "memory" ? "in silo memory" : "Azure Table (Azurite)";
            settings["seedConcurrency"] = Number(o.SeedConcurrency);
            settings["requestsPerSecond"] = o.EffectiveScaleRate == 0 ? "as fast as answered" : Number(o.EffectiveScaleRate);
        }
        else if (scenario == "fanout")
        {
            settings["watchers"] = Number(o.Watchers);
            settings["drones"] = Number(o.FanoutDrones);
            settings["grainState"] = o.FanoutStorage == "memory" ? "in silo memory" : "Azure Table (Azurite)";
            settings["fixHz"] = o.FixHz.ToString("0.###", CultureInfo.InvariantCulture);
        }
        else
        {
            settings["drones"] = Number(o.TelemetryDrones);
            settings["fixesPerBatch"] = Number(o.TelemetryBatch);
            settings["targetFixesPerSecond"] = Number(o.TelemetryRate);
            settings["telemetryStreams"] = string.Join(", ", o.TelemetryStreams);
        }

        return settings;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
