using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed partial class MetricsTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Silos_export_stage_changes_and_assignment_durations_once_a_delivery_is_scheduled()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, $"metrics-{Guid.NewGuid():N}", area.At(-1, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(2, 0)));
        Assert.Equal("Scheduled", Api.Stage(accepted));

        // The delivery grain lives on one of the silos, and each silo exports only its own.
        using var http = new HttpClient();
        await Eventually.Until(
            async () =>
            {
                var scrapes = await SiloScrapesAsync(http);
                return scrapes.Sum(s => Sample(s, "dronedelivery_deliveries_stage_changes_total", "stage=\"Scheduled\"")) > 0
                    && scrapes.Sum(s => Sample(s, "dronedelivery_assignment_duration_seconds_count", "")) > 0;
            },
            Deadline,
            "the silos to export a Scheduled stage change and an assignment duration");
    }

    [Fact]
    public async Task Gateway_exports_ASP_NET_Core_request_durations()
    {
        using var http = _cluster.CreateClient();
        await Eventually.Until(
            async () =>
            {
                await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                return scrape.Contains("http_server_request_duration_seconds_count", StringComparison.Ordinal);
            },
            Deadline,
            "the gateway to export http_server_request_duration_seconds");
    }

    [Fact]
    public async Task Silos_and_gateways_export_how_old_a_fix_is_when_its_drone_takes_it_in_and_when_its_position_reaches_a_watcher()
    {
        var area = TestArea.Next();
        var droneId = $"lag-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0)));

        // A gateway of the test's own. The hosts of this process share meter names, and once another
        // test has started and stopped a gateway (TrackingHubTests does), the first gateway's push
        // instruments are no longer exported. One gateway per process, as deployed, has no such issue.
        var gatewayAddress = await _cluster.StartGatewayAsync();
        try
        {
            await ExportsLagsAsync(area, ops, droneId, accepted, gatewayAddress);
        }
        finally
        {
            await _cluster.StopGatewayAsync(gatewayAddress);
        }
    }

    private async Task ExportsLagsAsync(TestArea area, HttpClient ops, string droneId, JsonNode accepted, Uri gatewayAddress)
    {
        await using var watcher = await TrackingClient.ConnectAsync(gatewayAddress);
        await watcher.TrackAsync(accepted["deliveryId"]!.GetValue<string>(), accepted["trackingToken"]!.GetValue<string>());

        using var http = new HttpClient();
        using var gateway = new HttpClient { BaseAddress = gatewayAddress };
        async Task<(double Silos, double SilosWithinAMinute, double Gateway, double GatewayWithinAMinute)> LagsAsync()
        {
            var silos = await SiloScrapesAsync(http);
            var push = await gateway.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return (
                silos.Sum(s => Sample(s, "dronedelivery_telemetry_lag_seconds_count", "")),
                silos.Sum(s => Sample(s, "dronedelivery_telemetry_lag_seconds_bucket", "le=\"60\"")),
                Sample(push, "dronedelivery_push_position_lag_seconds_count", ""),
                Sample(push, "dronedelivery_push_position_lag_seconds_bucket", "le=\"60\""));
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
            LagsAsync, now => now.Silos > before.Silos && now.Gateway > before.Gateway, Deadline, "the silos and the gateway to export the late fix's lag");
        Assert.Equal(before.SilosWithinAMinute, late.SilosWithinAMinute);
        Assert.Equal(before.GatewayWithinAMinute, late.GatewayWithinAMinute);

        // A fix sent now lands within the minute.
        var next = area.At(1.2, 0);
        await new DronePilot(ops, droneId).ReportAsync(next);
        await watcher.PositionAsync(p => p.GetProperty("lat").GetDouble() == next.Lat, "the fresh fix");
        await Eventually.Until(
            LagsAsync,
            now => now.SilosWithinAMinute > late.SilosWithinAMinute && now.GatewayWithinAMinute > late.GatewayWithinAMinute,
            Deadline,
            "the silos and the gateway to export the fresh fix's lag within the minute");
    }

    [Fact]
    public async Task A_silos_telemetry_stream_cache_lets_fixes_go_once_they_are_older_than_the_configured_retention()
    {
        var area = TestArea.Next();
        var droneId = $"cache-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var pilot = new DronePilot(ops, droneId);

        using var http = new HttpClient();
        async Task<double> PurgedAsync()
        {
            var scrapes = await SiloScrapesAsync(http);
            return scrapes.Sum(s => Sample(s, "orleans_streams_queue_cache_messages_purged_total", ""));
        }

        // Orleans' own default keeps half an hour of fixes. A fix goes once it has been cached for
        // the cluster's retention of seconds and a fix that much newer has arrived, so the drone
        // keeps flying until then.
        var before = await PurgedAsync();
        var step = 0;
        await Eventually.Until(
            async () =>
            {
                await pilot.ReportAsync(area.At(0.01 * ++step, 0));
                return await PurgedAsync() > before;
            },
            Deadline,
            "the silos' stream caches to let go of fixes older than the retention");
    }

    /// <summary>Every silo's <c>/metrics</c>: a silo exports only what its own grains recorded.</summary>
    private Task<string[]> SiloScrapesAsync(HttpClient http) =>
        Task.WhenAll(_cluster.SiloAddresses.Select(silo => http.GetStringAsync(new Uri(silo, "/metrics"))));

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Sample(string scrape, string name, string label) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
