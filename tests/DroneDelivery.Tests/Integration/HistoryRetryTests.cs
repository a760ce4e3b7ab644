using System.Net;
using Azure.Data.Tables;
using DroneDelivery.ServiceDefaults.History;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>A record storage refused is not lost: the finished delivery's reminder writes it again, once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HistoryRetryTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_flight_that_storage_refused_is_written_later_by_the_reminder_and_its_delivery_stays_one_row()
    {
        var area = TestArea.Next();
        var droneId = $"retry-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var id = (await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0))))["deliveryId"]!.GetValue<string>();

        // Flights can't be written: every silo's writer has made its tables, and then the flights table goes.
        foreach (var silo in _cluster.SiloServices)
        {
            await silo.GetRequiredService<HistoryStore>().WriteAsync([]);
        }

        await new TableServiceClient(_cluster.Storage.ConnectionString).DeleteTableAsync(HistoryTables.Flights);

        var pilot = new DronePilot(ops, droneId);
        await pilot.ReportAsync(area.At(0.3, 0));
        await pilot.ReportAsync(area.At(0.6, 0));
        await Eventually.Until(() => Api.GetAsync(business, $"/api/deliveries/{id}/status"), s => s["lastKnownLocation"]?["lat"]?.GetValue<double>() == area.At(0.6, 0).Lat, TimeSpan.FromSeconds(20), "the delivery to hear of the second fix");
        await Api.ReadAsync(await business.DeleteAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative)), HttpStatusCode.OK);

        // The delivery's row went in with the batch whose flight row failed...
        var listed = await Eventually.Until(() => Api.GetAsync(business, "/api/businesses/me/deliveries"), p => p["items"]!.AsArray().Count == 1, TimeSpan.FromSeconds(20), "the delivery's row");
        var finished = listed["items"]![0]!["finishedAt"]!.GetValue<DateTimeOffset>();
        var utilization = $"/api/drones/{droneId}/utilization?year={finished.Year}&month={finished.Month}";
        Assert.Equal(0, (await Api.GetAsync(ops, utilization))["flights"]!.GetValue<int>());

        // ...so the record is still pending, and the reminder writes it whole again: the flight arrives, the delivery stays one row.
        var flown = await Eventually.Until(() => Api.GetAsync(ops, utilization), u => u["flights"]!.GetValue<int>() == 1, TimeSpan.FromSeconds(30), "the reminder to write the flight");
        Assert.Equal(area.At(0.3, 0).KmTo(area.At(0.6, 0)), flown["distanceKm"]!.GetValue<double>(), 0.01);
        Assert.Single((await Api.GetAsync(business, "/api/businesses/me/deliveries"))["items"]!.AsArray());
    }
}
