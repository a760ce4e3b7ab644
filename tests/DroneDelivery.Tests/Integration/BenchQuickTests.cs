using System.Text.Json.Nodes;
using DroneDelivery.Bench;

namespace DroneDelivery.Tests.Integration;

/// <summary>The bench harness still runs end to end: its quick mode, in this process, with its own Azurite and hosts. No timing is asserted.</summary>
public sealed class BenchQuickTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("drone-bench-results-").FullName;

    [Fact]
    public async Task A_quick_run_writes_each_scenario_s_results_with_every_figure_present_and_non_negative()
    {
        await BenchRunner.RunAsync(BenchOptions.Parse(["--quick", "--out", _output]), CancellationToken.None);

        foreach (var (scenario, measured) in new[] { ("ingest", "ingest"), ("telemetry", "telemetry-accepted") })
        {
            await AssertResultsAsync(scenario, measured);
        }
    }

    [Fact]
    public async Task A_quick_fanout_run_writes_its_results_and_positions_reach_the_watchers()
    {
        await BenchRunner.RunAsync(BenchOptions.Parse(["--quick", "--scenario", "fanout", "--out", _output]), CancellationToken.None);

        // Whether positions reach the watchers, not how many fit the quick run's one-second window:
        // the run waits for the first fixes to reach every watcher before it measures.
        var run = await AssertResultsAsync("fanout", "fanout-position");
        Assert.Equal(run["ratios"]!["watchers"]!.GetValue<double>(), run["ratios"]!["watchers-reached-by-the-first-fixes"]!.GetValue<double>());

        // The gateway's own counters were read: it took updates from the grains and sent positions on.
        Assert.True(run["ratios"]!["gateway-updates-received-per-second"]!.GetValue<double>() > 0, "the gateway received no update");
        Assert.True(run["ratios"]!["gateway-positions-sent-per-second"]!.GetValue<double>() > 0, "the gateway sent no position");

        // What the process spent was sampled over the window: the fixes cost it bytes and CPU.
        Assert.True(run["ratios"]!["allocated-bytes-per-fix"]!.GetValue<double>() > 0, "no bytes allocated per fix");
        Assert.True(run["ratios"]!["cpu-microseconds-per-fix"]!.GetValue<double>() > 0, "no CPU spent per fix");
    }

    [Fact]
    public async Task A_quick_telemetry_run_over_Azure_queues_takes_in_every_fix_it_accepted_and_measures_the_queue_beside_it()
    {
        await BenchRunner.RunAsync(BenchOptions.Parse(["--quick", "--scenario", "telemetry", "--telemetry-streams", "azure-queue", "--out", _output]), CancellationToken.None);

        var run = await AssertResultsAsync("telemetry", "telemetry-accepted");
        Assert.Equal("azure-queue-streams", run["label"]!.GetValue<string>());
        var measurements = run["measurements"]!.AsArray();
        Assert.True(Measured(measurements, "telemetry-accepted")["operations"]!.GetValue<long>() > 0, "no fix was accepted");
        Assert.True(Measured(measurements, "ceiling-queue-message")["operations"]!.GetValue<long>() > 0, "no raw queue message went through");
        Assert.Equal(0, run["ratios"]!["left-after-drain"]!.GetValue<double>());
        Assert.True(run["ratios"]!["queue-message-bytes"]!.GetValue<double>() > 0);

        // The fixes went through the queues: every item sent to one and deleted from it again.
        Assert.InRange(run["ratios"]!["queue-writes-per-item"]!.GetValue<double>(), 1.9, 2.1);
    }

    [Fact]
    public async Task A_quick_scale_run_keeps_state_in_memory_and_assigns_a_drone_to_every_request_at_each_fleet_size()
    {
        await BenchRunner.RunAsync(BenchOptions.Parse(["--quick", "--scenario", "scale", "--out", _output]), CancellationToken.None);

        var json = Assert.Single(Directory.GetFiles(_output, "*-scale.json"));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        Assert.Equal("in silo memory", report["settings"]!["grainState"]!.GetValue<string>());
        var run = Assert.Single(report["runs"]!.AsArray())!;
        Assert.Equal(["assign-20-drones", "assign-60-drones"], run["measurements"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.All(run["measurements"]!.AsArray(), m => Assert.Equal(0, m!["errors"]!.GetValue<long>()));
        Assert.Equal(1, run["ratios"]!["scheduled-share-60"]!.GetValue<double>());
    }

    private static JsonNode Measured(JsonArray measurements, string name) =>
        Assert.Single(measurements, m => m!["name"]!.GetValue<string>() == name)!;

    /// <summary>The scenario's JSON and Markdown exist, with the machine, the measured figure, a ceiling, and nothing negative; returns its one run.</summary>
    private async Task<JsonNode> AssertResultsAsync(string scenario, string measured)
    {
        var json = Assert.Single(Directory.GetFiles(_output, $"*-{scenario}.json"));
        Assert.True(File.Exists(Path.ChangeExtension(json, ".md")), $"{scenario}: no Markdown table");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(json))!;

        Assert.Equal(scenario, report["scenario"]!.GetValue<string>());
        Assert.True(report["machine"]!["cores"]!.GetValue<int>() > 0);
        Assert.False(string.IsNullOrEmpty(report["machine"]!["runtime"]!.GetValue<string>()));

        var run = Assert.Single(report["runs"]!.AsArray())!;
        var measurements = run["measurements"]!.AsArray();
        Assert.Contains(measurements, m => m!["name"]!.GetValue<string>() == measured);
        Assert.Contains(measurements, m => m!["name"]!.GetValue<string>().StartsWith("ceiling-", StringComparison.Ordinal));
        foreach (var m in measurements)
        {
            foreach (var field in new[] { "operations", "marked", "errors", "seconds", "perSecond", "markedPerSecond", "p50Ms", "p95Ms", "p99Ms" })
            {
                Assert.True(m![field]!.GetValue<double>() >= 0, $"{scenario} {m["name"]} {field} is negative");
            }
        }

        var ratios = run["ratios"]!.AsObject();
        Assert.NotEmpty(ratios);
        Assert.All(ratios, r => Assert.True(r.Value!.GetValue<double>() >= 0, $"{scenario} ratio {r.Key} is negative"));
        return run;
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
