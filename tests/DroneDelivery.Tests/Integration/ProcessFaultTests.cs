using System.Net;
using System.Net.Http.Json;
using DroneDelivery.Tests.Processes;
using Xunit.Abstractions;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// Faults on real OS processes: 3 silos, 2 gateways, the simulator flying 20 drones and 24
/// deliveries, over one Azurite. Whatever is killed or stopped, every accepted delivery is
/// delivered, none is lost or duplicated, no drone holds two, and the API never answers a 5xx
/// other than a short 503 with Retry-After. The tests share one system, each starting again what
/// the one before stopped. Logs of every process: .local/test-results/processes/.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ProcessFaultTests(ProcessSystemFixture fixture, ITestOutputHelper output)
{
    private const int Deliveries = 24;
    private static readonly TimeSpan LoadSpread = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_silo_killed_with_SIGKILL_and_another_stopped_with_SIGTERM_lose_no_delivery_and_their_grains_carry_on_elsewhere()
    {
        await using var run = await FaultRun.StartAsync(fixture.System);
        var load = run.Load.RequestAsync(Deliveries, LoadSpread);
        await run.WaitInFlightAsync(6, TimeSpan.FromSeconds(60));

        var killed = DateTimeOffset.UtcNow;
        await run.System.Silos[1].KillAsync();
        await run.RecoverAsync("silo-2 SIGKILL", killed);

        var terminated = DateTimeOffset.UtcNow;
        var exitCode = await run.System.Silos[2].TerminateAsync(TimeSpan.FromSeconds(60));
        await run.RecoverAsync("silo-3 SIGTERM", terminated);
        await load;

        Assert.Equal(0, exitCode);
        AssertAllDelivered(await run.FinishAsync(FinishTimeout));
    }

    [Fact]
    public async Task After_every_silo_and_gateway_is_killed_and_started_again_each_delivery_continues_from_its_stage()
    {
        await using var run = await FaultRun.StartAsync(fixture.System);
        var load = run.Load.RequestAsync(Deliveries, LoadSpread);
        await run.WaitInFlightAsync(6, TimeSpan.FromSeconds(60));

        var at = DateTimeOffset.UtcNow;
        await Task.WhenAll(run.System.Gateways.Concat(run.System.Silos).Select(h => h.KillAsync()));
        await run.System.StartHostsAsync();
        await run.RecoverAsync("every silo and gateway SIGKILL, then restarted", at);
        await load;

        AssertAllDelivered(await run.FinishAsync(FinishTimeout));
    }

    [Fact]
    public async Task A_gateway_stopped_with_SIGTERM_mid_requests_loses_no_request_it_accepted()
    {
        await using var run = await FaultRun.StartAsync(fixture.System);
        // The simulator flies through the first gateway; requests go to both, round robin.
        var load = run.Load.RequestAsync(Deliveries, LoadSpread);
        await run.WaitInFlightAsync(4, TimeSpan.FromSeconds(60));

        var at = DateTimeOffset.UtcNow;
        var gateway = run.System.Gateways[1];
        var exitCode = await gateway.TerminateAsync(TimeSpan.FromSeconds(60));
        await run.RecoverAsync("gateway-2 SIGTERM", at);
        await load;
        await ProcessSystem.RestartAsync(gateway);

        Assert.Equal(0, exitCode);
        var summary = await run.FinishAsync(FinishTimeout);
        AssertAllDelivered(summary);
    }

    [Fact]
    public async Task With_storage_down_for_20_seconds_writes_get_503_with_Retry_After_reads_keep_working_and_all_resumes()
    {
        await using var run = await FaultRun.StartAsync(fixture.System);
        var load = run.Load.RequestAsync(Deliveries, LoadSpread);
        await run.WaitInFlightAsync(6, TimeSpan.FromSeconds(60));

        var at = DateTimeOffset.UtcNow;
        await run.System.Storage.StopAsync();
        var readsBefore = run.Log.ByStatus.GetValueOrDefault(200);
        using var anonymous = ProcessSystem.CreateClient(run.System.LiveGateways[0], apiKey: null, run.Log);
        var refusals = new List<HttpResponseMessage>();
        while (DateTimeOffset.UtcNow - at < TimeSpan.FromSeconds(20))
        {
            // Bounded by the recording client: a hang fails the run as a breach.
            refusals.Add(await anonymous.PostAsJsonAsync("/api/businesses", new { name = "During the outage" }));
        }

        var readsDuring = run.Log.ByStatus.GetValueOrDefault(200) - readsBefore;
        await run.System.Storage.StartAsync();
        await run.RecoverAsync("Azurite stopped for 20 s", at);
        await load;

        Assert.All(refusals, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 must say when to retry.");
        });
        Assert.True(readsDuring > 0, "Reads of active deliveries must keep working without storage.");
        AssertAllDelivered(await run.FinishAsync(FinishTimeout));
    }

    private void AssertAllDelivered(RunSummary summary)
    {
        output.WriteLine(summary.ToString());
        Assert.True(summary.Violations().Count == 0, summary.ToString());
        Assert.True(summary.Requested == Deliveries && summary.Accepted == Deliveries && summary.Delivered == Deliveries, summary.ToString());
    }
}
