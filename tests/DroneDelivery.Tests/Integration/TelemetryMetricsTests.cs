using System.Net;
using System.Net.Http.Json;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// How far behind telemetry runs, and how long the silo's stream cache keeps it, read from
/// <c>/metrics</c> on a cluster of the test's own, alone in the process: beside other tests'
/// hosts, whose instruments share these names, the series vanished once one of those stopped.
/// </summary>
[Collection(ExactMetricsCollection.Name)]
public sealed class TelemetryMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private DroneDeliveryCluster _cluster = null!;

    /// <summary>How long this cluster's stream cache keeps a fix, set as an operator would: seconds, within a test's patience.</summary>
    private static readonly TimeSpan CacheRetention = TimeSpan.FromSeconds(2);

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, $"--DroneDelivery:Telemetry:CacheRetention={CacheRetention}");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Silo_and_gateway_export_how_old_a_fix_is_when_its_drone_takes_it_in_and_when_its_position_leaves_for_a_watcher()
    {
        var area = TestArea.Next();
        var droneId = $"lag-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0)));
        await using var watcher = await TrackingClient.ConnectAsync(_cluster.GatewayAddress);
        await watcher.TrackAsync(accepted["deliveryId"]!.GetValue<string>(), accepted["trackingToken"]!.GetValue<string>());

        using var http = new HttpClient();
        using var gateway = _cluster.CreateClient();
        async Task<(double Silo, double SiloWithinAMinute, double Gateway, double GatewayWithinAMinute)> LagsAsync()
        {
            var silos = await PrometheusScrape.SilosAsync(_cluster, http);
            var push = await gateway.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return (
                silos.Sum(s => PrometheusScrape.Sum(s, "dronedelivery_telemetry_lag_seconds_count")),
                silos.Sum(s => PrometheusScrape.Sum(s, "dronedelivery_telemetry_lag_seconds_bucket", "le=\"60\"")),
                PrometheusScrape.Sum(push, "dronedelivery_push_position_lag_seconds_count"),
                PrometheusScrape.Sum(push, "dronedelivery_push_position_lag_seconds_bucket", "le=\"60\""));
        }

        var before = await LagsAsync();

        // A fix the drone sent 90 s ago (held back by a poor link, say) lands above the minute's bucket on both hosts.
        var point = area.At(1, 0);
        var sent = await ops.PostAsJsonAsync("/api/telemetry", new[]
        {
            new { droneId, at = DateTimeOffset.UtcNow.AddSeconds(-90), lat = point.Lat, lon = point.Lon, alt = 100.0, speedMps = 15.0, headingDeg = 0.0, batteryPct = 80.0 },
        });
        await Api.ReadAsync(sent, HttpStatusCode.Accepted);
        await watcher.PositionAsync(p => p.GetProperty("lat").GetDouble() == point.Lat, "the late fix");
        var late = await Eventually.Until(
            LagsAsync, now => now.Silo > before.Silo && now.Gateway > before.Gateway, Deadline, "the silo and the gateway to export the late fix's lag");
        Assert.Equal(before.SiloWithinAMinute, late.SiloWithinAMinute);
        Assert.Equal(before.GatewayWithinAMinute, late.GatewayWithinAMinute);

        // A fix sent now lands within the minute.
        var next = area.At(1.2, 0);
        await new DronePilot(ops, droneId).ReportAsync(next);
        await watcher.PositionAsync(p => p.GetProperty("lat").GetDouble() == next.Lat, "the fresh fix");
        await Eventually.Until(
            LagsAsync,
            now => now.SiloWithinAMinute > late.SiloWithinAMinute && now.GatewayWithinAMinute > late.GatewayWithinAMinute,
            Deadline,
            "the silo and the gateway to export the fresh fix's lag within the minute");
    }

    [Fact]
    public async Task The_silos_telemetry_stream_cache_lets_fixes_go_once_they_are_older_than_the_configured_retention()
    {
        var area = TestArea.Next();
        var droneId = $"cache-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var pilot = new DronePilot(ops, droneId);

        using var http = new HttpClient();
        async Task<double> PurgedAsync() =>
            (await PrometheusScrape.SilosAsync(_cluster, http)).Sum(s => PrometheusScrape.Sum(s, "orleans_streams_queue_cache_messages_purged_total"));

        // Orleans' own default keeps half an hour of fixes. A fix goes once it has been cached for
        // the retention and a fix that much newer has arrived, so the drone keeps flying until then.
        var before = await PurgedAsync();
        var step = 0;
        await Eventually.Until(
            async () =>
            {
                await pilot.ReportAsync(area.At(0.01 * ++step, 0));
                return await PurgedAsync() > before;
            },
            Deadline,
            "the silo's stream caches to let go of fixes older than the retention");
    }
}
