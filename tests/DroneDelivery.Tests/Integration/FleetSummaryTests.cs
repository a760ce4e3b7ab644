using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// The operators' fleet summary, on a cluster of its own so that every drone and delivery in it
/// is this test's and the counts can be exact; alone, so that the gauge it reads is its silo's.
/// </summary>
[Collection(ExactMetricsCollection.Name)]
public sealed partial class FleetSummaryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await DroneDeliveryCluster.StartAsync(silos: 1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_summary_counts_drones_by_status_deliveries_by_stage_and_the_waiting_queue_with_its_oldest()
    {
        var area = TestArea.Next();
        var empty = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await Api.RegisterDroneAsync(ops, $"sum-{n}", area.At(0, 0.1 * n));
        }

        await ops.PostAsync(new Uri("/api/drones/sum-3/maintenance", UriKind.Relative), null);
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var flying = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(3, 0)));
        var pilot = new DronePilot(ops, flying["droneId"]!.GetValue<string>());
        await pilot.ReportAsync(area.At(0.5, 0));

        // Too heavy for any drone here, and one where no drone is based at all: both wait.
        var tooHeavy = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0), weightKg: 20));
        var nowhere = await Api.RequestDeliveryAsync(business, Api.Delivery(empty.At(1, 0), empty.At(2, 0)));
        Assert.Equal("AwaitingDrone", Api.Stage(tooHeavy));
        Assert.Equal("AwaitingDrone", Api.Stage(nowhere));
        var oldest = (await Api.GetAsync(business, $"/api/deliveries/{tooHeavy["deliveryId"]}"))["createdAt"]!.GetValue<DateTimeOffset>();

        var summary = await SummaryAsync(ops, s => Count(s, "deliveriesByStage", "AwaitingDrone") == 2, "two waiting deliveries");
        Assert.Equal(
            new Dictionary<string, int> { ["Available"] = 1, ["Assigned"] = 0, ["HeadedToPickup"] = 1, ["HeadedToDropoff"] = 0, ["Returning"] = 0, ["Charging"] = 0, ["Maintenance"] = 1, ["Offline"] = 0 },
            Counts(summary, "dronesByStatus"));
        Assert.Equal(
            new Dictionary<string, int> { ["AwaitingDrone"] = 2, ["Scheduled"] = 0, ["HeadedToPickup"] = 1, ["HeadedToDropoff"] = 0 },
            Counts(summary, "deliveriesByStage"));
        Assert.Equal(2, summary["awaitingDeliveries"]!.GetValue<int>());
        Assert.Equal(oldest, summary["oldestAwaitingSince"]!.GetValue<DateTimeOffset>());
        Assert.Equal(2, summary["cells"]!.GetValue<int>());
        Assert.Equal(2, await AwaitingGaugeAsync());

        // Cancelling the oldest takes it off the queue; the other becomes the oldest.
        await business.DeleteAsync(new Uri($"/api/deliveries/{tooHeavy["deliveryId"]}", UriKind.Relative));
        summary = await SummaryAsync(ops, s => s["awaitingDeliveries"]!.GetValue<int>() == 1, "one waiting delivery");
        Assert.Equal((await Api.GetAsync(business, $"/api/deliveries/{nowhere["deliveryId"]}"))["createdAt"]!.GetValue<DateTimeOffset>(), summary["oldestAwaitingSince"]!.GetValue<DateTimeOffset>());
        await Eventually.Until(AwaitingGaugeAsync, n => n == 1, Patience, "the awaiting gauge to drop to 1");

        // A drone based in the next cell north takes the delivery nobody near could: its pickup cell stops counting it.
        await Api.RegisterDroneAsync(ops, "sum-4", empty.At(28, 0), rangeKm: 100);
        summary = await SummaryAsync(ops, s => s["awaitingDeliveries"]!.GetValue<int>() == 0, "no waiting delivery");
        Assert.Null(summary["oldestAwaitingSince"]);
        Assert.Equal(1, Count(summary, "deliveriesByStage", "Scheduled"));
        Assert.Equal("Scheduled", Api.Stage(await Api.GetAsync(business, $"/api/deliveries/{nowhere["deliveryId"]}")));

        // The flying drone picks up: the delivery moves stage in the summary.
        await pilot.ReportAsync(area.At(2, 0), droneEvent: "PickedUp");
        summary = await SummaryAsync(ops, s => Count(s, "deliveriesByStage", "HeadedToDropoff") == 1, "the delivery headed to its drop-off");
        Assert.Equal(0, Count(summary, "deliveriesByStage", "HeadedToPickup"));
    }

    [Fact]
    public async Task Only_operators_may_read_the_summary()
    {
        using var business = await Api.NewBusinessClientAsync(_cluster);
        using var anonymous = _cluster.CreateClient();
        using var drone = _cluster.CreateClient(DroneDeliveryCluster.DroneKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await business.GetAsync(new Uri("/api/fleet/summary", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drone.GetAsync(new Uri("/api/fleet/summary", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/fleet/summary", UriKind.Relative))).StatusCode);
    }

    private static Task<JsonNode> SummaryAsync(HttpClient ops, Func<JsonNode, bool> accept, string what) =>
        Eventually.Until(() => Api.GetAsync(ops, "/api/fleet/summary"), accept, Patience, what);

    private static Dictionary<string, int> Counts(JsonNode summary, string property) =>
        summary[property]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    private static int Count(JsonNode summary, string property, string key) => summary[property]![key]!.GetValue<int>();

    private async Task<int> AwaitingGaugeAsync()
    {
        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri(_cluster.SiloAddresses.Single(), "/metrics"));
        var match = AwaitingGauge().Match(scrape);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^dronedelivery_deliveries_awaiting(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)]
    private static partial Regex AwaitingGauge();
}
