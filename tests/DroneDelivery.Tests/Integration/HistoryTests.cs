using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.History;
using DroneDelivery.Tests.Infrastructure;
using static DroneDelivery.Tests.Infrastructure.HistoryReads;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// Thirty deliveries flown by hand (on time, late, cancelled on the ground and in flight, failed)
/// end up in the history tables on Azurite, and the history endpoints tell the business and the
/// operators what the test itself did, over real HTTP.
/// </summary>
public sealed class HistoryTests(HistoryFixture fixture) : IClassFixture<HistoryFixture>
{
    private DroneDeliveryCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Every_finished_delivery_is_listed_once_oldest_first_page_by_page_as_the_business_made_it_end()
    {
        var run = await fixture.FlownAsync();
        using var business = Cluster.CreateClient(run.ApiKey);
        var items = await RecordedAsync(business, run);

        var pages = new List<JsonArray>();
        string? token = null;
        do
        {
            var page = await Api.GetAsync(business, "/api/businesses/me/deliveries?limit=7" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            pages.Add(page["items"]!.AsArray());
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        var paged = pages.SelectMany(p => p).Select(i => i!).ToList();
        Assert.All(pages, p => Assert.InRange(p.Count, 1, 7));
        Assert.Equal(run.Deliveries.Count, paged.Count);
        Assert.Equal(run.Deliveries.Select(d => d.Id).Order(), paged.Select(Id).Order());
        Assert.Equal(paged.Select(FinishedAt).Order(), paged.Select(FinishedAt));

        foreach (var expected in run.Deliveries)
        {
            var item = paged.Single(i => Id(i) == expected.Id);
            Assert.Equal(expected.Stage, Api.Stage(item));
            Assert.Equal(expected.DroneId, item["droneId"]!.GetValue<string>());
            Assert.Equal(expected.WeightKg, item["weightKg"]!.GetValue<double>());
            Assert.Equal(expected.OnTime, item["onTime"]?.GetValue<bool>());
            Assert.Equal(expected.DistanceKm, item["distanceKm"]!.GetValue<double>(), 0.01);
            Assert.Equal(expected.Stage == "Delivered", item["deliveredAt"] is not null);
        }

        var cancelled = await ListAllAsync(business, "stage=Cancelled");
        Assert.Equal(run.Deliveries.Where(d => d.Stage == "Cancelled").Select(d => d.Id).Order(), cancelled.Select(Id).Order());

        // A time range is [from, to): split at one delivery's finish, and each side has its half.
        var split = Uri.EscapeDataString(FinishedAt(paged[15]).ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(paged[15..].Select(Id), (await ListAllAsync(business, $"from={split}")).Select(Id));
        Assert.Equal(paged[..15].Select(Id), (await ListAllAsync(business, $"to={split}")).Select(Id));

        // The finished delivery's own record still answers, from its grain's stored state.
        var delivered = run.Deliveries.First(d => d.Stage == "Delivered");
        Assert.Equal("Delivered", Api.Stage(await Api.GetAsync(business, $"/api/deliveries/{delivered.Id}")));
    }

    [Fact]
    public async Task The_monthly_summary_adds_up_to_what_the_business_did()
    {
        var run = await fixture.FlownAsync();
        using var business = Cluster.CreateClient(run.ApiKey);
        var items = await RecordedAsync(business, run);

        foreach (var month in items.GroupBy(i => (FinishedAt(i).Year, FinishedAt(i).Month)))
        {
            var ids = month.Select(Id).ToHashSet();
            var mine = run.Deliveries.Where(d => ids.Contains(d.Id)).ToList();
            var delivered = mine.Where(d => d.Stage == "Delivered").ToList();
            var summary = await Api.GetAsync(business, $"/api/businesses/me/summary?year={month.Key.Year}&month={month.Key.Month}");

            Assert.Equal(month.Key.Year, summary["year"]!.GetValue<int>());
            Assert.Equal(month.Key.Month, summary["month"]!.GetValue<int>());
            Assert.Equal(mine.Count, summary["requested"]!.GetValue<int>());
            Assert.Equal(delivered.Count, summary["delivered"]!.GetValue<int>());
            Assert.Equal(mine.Count(d => d.Stage == "Cancelled"), summary["cancelled"]!.GetValue<int>());
            Assert.Equal(mine.Count(d => d.Stage == "Failed"), summary["failed"]!.GetValue<int>());
            Assert.Equal((double)delivered.Count(d => d.OnTime == true) / delivered.Count, summary["onTimeRate"]!.GetValue<double>(), 6);
            Assert.Equal(delivered.Sum(d => d.WeightKg), summary["totalWeightKg"]!.GetValue<double>(), 6);
            Assert.Equal(mine.Sum(d => d.DistanceKm), summary["distanceKm"]!.GetValue<double>(), 0.05);
            var minutes = month.Where(i => Api.Stage(i) == "Delivered").Average(i => (FinishedAt(i) - i["requestedAt"]!.GetValue<DateTimeOffset>()).TotalMinutes);
            Assert.Equal(minutes, summary["averageDeliveryMinutes"]!.GetValue<double>(), 6);
        }

        var empty = await Api.GetAsync(business, "/api/businesses/me/summary?year=2001&month=1");
        Assert.Equal(0, empty["requested"]!.GetValue<int>());
        Assert.Null(empty["onTimeRate"]);
        Assert.Null(empty["averageDeliveryMinutes"]);
    }

    [Fact]
    public async Task A_drones_utilization_counts_the_flights_it_made_and_the_distance_it_flew()
    {
        var run = await fixture.FlownAsync();
        using var business = Cluster.CreateClient(run.ApiKey);
        var items = await RecordedAsync(business, run);
        using var ops = Cluster.CreateOperatorClient();

        foreach (var drone in run.Deliveries.GroupBy(d => d.DroneId))
        {
            var flights = drone.Where(d => d.Flew).ToList();
            var months = items.Where(i => i["droneId"]!.GetValue<string>() == drone.Key).Select(i => (FinishedAt(i).Year, FinishedAt(i).Month)).Distinct().ToList();
            async Task<(int Count, double Km, double Hours)> UtilizationAsync()
            {
                var (count, km, hours) = (0, 0.0, 0.0);
                foreach (var (year, month) in months)
                {
                    var utilization = await Api.GetAsync(ops, $"/api/drones/{drone.Key}/utilization?year={year}&month={month}");
                    count += utilization["flights"]!.GetValue<int>();
                    km += utilization["distanceKm"]!.GetValue<double>();
                    hours += utilization["flightHours"]!.GetValue<double>();
                }

                return (count, km, hours);
            }

            // A delivery's row and its flight's are written in transactions of their own, side by
            // side: the flight may show a moment after the delivery the list above waited for.
            var (count, km, hours) = await Eventually.Until(UtilizationAsync, u => u.Count == flights.Count, TimeSpan.FromSeconds(20), $"drone {drone.Key}'s flights");
            Assert.Equal(flights.Count, count);
            Assert.Equal(flights.Sum(f => f.DistanceKm), km, 0.02);
            Assert.InRange(hours, 1e-6, 1);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await business.GetAsync(new Uri($"/api/drones/{run.Deliveries[0].DroneId}/utilization?year=2026&month=11", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_take_off_overtaken_on_the_way_by_a_later_fix_still_times_the_flight()
    {
        var area = TestArea.Next();
        using var ops = Cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(Cluster);
        var (droneId, id) = ("drone-" + Guid.NewGuid().ToString("N")[..12], "dlv-" + Guid.NewGuid().ToString("N"));
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(3, 0), deliveryId: id));
        Assert.Equal(droneId, accepted["droneId"]!.GetValue<string>());

        // The drone's reports as the delivery hears them: the take-off after a later position.
        var delivery = Cluster.Grains.GetGrain<IDeliveryGrain>(id);
        var start = DateTimeOffset.UtcNow;
        async Task ReportAsync(DroneProgressKind kind, double seconds, GeoPoint at, Func<JsonNode, bool> heard, string what)
        {
            await delivery.OnDroneProgressAsync(new DroneProgress(droneId, kind, start.AddSeconds(seconds), new Location(at.Lat, at.Lon), null, null));
            await Eventually.Until(() => Api.GetAsync(business, $"/api/deliveries/{id}/status"), heard, TimeSpan.FromSeconds(20), what);
        }

        var cruising = area.At(0.5, 0);
        await ReportAsync(DroneProgressKind.Position, 60, cruising, s => s["lastKnownLocation"]?["lat"]?.GetValue<double>() == cruising.Lat, "the later position");
        await ReportAsync(DroneProgressKind.TookOff, 1, area.At(0.1, 0), s => Api.Stage(s) == "HeadedToPickup", "the take-off");
        await ReportAsync(DroneProgressKind.PickedUp, 120, area.At(1, 0), s => Api.Stage(s) == "HeadedToDropoff", "the pickup");
        await ReportAsync(DroneProgressKind.ArrivedAtDropoff, 181, area.At(3, 0), s => Api.Stage(s) == "Delivered", "the arrival");

        var month = start.AddSeconds(181);
        var utilization = await Eventually.Until(
            () => Api.GetAsync(ops, $"/api/drones/{droneId}/utilization?year={month.Year}&month={month.Month}"),
            u => u["flights"]!.GetValue<int>() == 1,
            TimeSpan.FromSeconds(20),
            "the flight's history row");
        Assert.Equal(TimeSpan.FromSeconds(180).TotalHours, utilization["flightHours"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task Another_business_sees_none_of_it_not_even_with_the_first_ones_continuation_token()
    {
        var run = await fixture.FlownAsync();
        using var owner = Cluster.CreateClient(run.ApiKey);
        var items = await RecordedAsync(owner, run);
        var token = (await Api.GetAsync(owner, "/api/businesses/me/deliveries?limit=2"))["continuationToken"]!.GetValue<string>();

        using var other = await Api.NewBusinessClientAsync(Cluster);
        Assert.Empty((await Api.GetAsync(other, "/api/businesses/me/deliveries"))["items"]!.AsArray());
        var at = FinishedAt(items[0]);
        Assert.Equal(0, (await Api.GetAsync(other, $"/api/businesses/me/summary?year={at.Year}&month={at.Month}"))["requested"]!.GetValue<int>());
        var stolen = await other.GetAsync(new Uri($"/api/businesses/me/deliveries?continuationToken={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Contains("continuationToken", (await Api.ReadAsync(stolen, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_history_survives_a_full_restart_of_silos_gateway_and_storage()
    {
        var run = await fixture.FlownAsync();
        string before;
        using (var business = Cluster.CreateClient(run.ApiKey))
        {
            await RecordedAsync(business, run);
            before = (await Api.GetAsync(business, "/api/businesses/me/deliveries?limit=500")).ToJsonString();
        }

        await Cluster.StopProcessesAsync();
        await Cluster.Storage.StopAsync();
        await Cluster.Storage.StartAsync();
        await Cluster.StartProcessesAsync(silos: 2);

        using var again = Cluster.CreateClient(run.ApiKey);
        Assert.Equal(before, (await Api.GetAsync(again, "/api/businesses/me/deliveries?limit=500")).ToJsonString());
    }

    [Fact]
    public async Task Writing_the_same_record_twice_leaves_one_row_for_the_delivery_and_one_for_the_flight()
    {
        var at = DateTimeOffset.UtcNow;
        var ownerId = "biz-" + Guid.NewGuid().ToString("N");
        var droneId = "drone-" + Guid.NewGuid().ToString("N")[..12];
        var record = new DeliveryHistoryRecord(
            "dup-1", ownerId, "dup-1", PackageSize.Small, 1.5, droneId, DeliveryStage.Delivered, at.AddMinutes(-20), at.AddMinutes(-19),
            at.AddMinutes(-10), at, at.AddHours(1), 4.2, at.AddMinutes(-15), [new Milestone(DeliveryStage.Requested, at.AddMinutes(-20), null, null)]);
        var writer = Cluster.Grains.GetGrain<IHistoryWriterGrain>(GrainKeys.HistoryWriter);

        await writer.WriteAsync(record);
        await writer.WriteAsync(record);
        await Task.WhenAll(writer.WriteAsync(record), writer.WriteAsync(record));

        var tables = new TableServiceClient(Cluster.Storage.ConnectionString);
        Assert.Single(await RowsAsync(tables, HistoryTables.Deliveries, HistoryTables.DeliveryPartition(ownerId, at)));
        Assert.Single(await RowsAsync(tables, HistoryTables.Flights, HistoryTables.FlightPartition(droneId, at)));
    }
}
