using System.Net;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>Operators take drones out of service, put them back, and retire them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetOperationsTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task An_idle_drone_in_maintenance_gets_no_delivery_until_it_is_back_in_service()
    {
        var area = TestArea.Next();
        var droneId = $"mx-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));

        var inMaintenance = await Api.ReadAsync(await ops.PostAsync(new Uri($"/api/drones/{droneId}/maintenance", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("Maintenance", inMaintenance["status"]!.GetValue<string>());

        using var business = await Api.NewBusinessClientAsync(_cluster);
        var waiting = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal("AwaitingDrone", Api.Stage(waiting));

        var back = await Api.ReadAsync(await ops.DeleteAsync(new Uri($"/api/drones/{droneId}/maintenance", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Available", back["status"]!.GetValue<string>());
        var scheduled = await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{waiting["deliveryId"]}/status"),
            s => Api.Stage(s) == "Scheduled",
            TimeSpan.FromSeconds(20),
            "the waiting delivery to get the drone back in service");
        Assert.Equal(droneId, scheduled["droneId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_flying_drone_sent_to_maintenance_finishes_its_delivery_then_stays_out_of_service()
    {
        var area = TestArea.Next();
        var droneId = $"mx-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        var pilot = new DronePilot(ops, droneId);
        await pilot.ReportAsync(area.At(0.5, 0));

        var flagged = await Api.ReadAsync(await ops.PostAsync(new Uri($"/api/drones/{droneId}/maintenance", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("HeadedToPickup", flagged["status"]!.GetValue<string>());

        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0));
        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{accepted["deliveryId"]}/status"),
            s => Api.Stage(s) == "Delivered",
            TimeSpan.FromSeconds(20),
            "the delivery to finish");
        await pilot.ReportAsync(area.At(0, 0), batteryPct: 95, speedMps: 0);
        Assert.Equal("Maintenance", await pilot.StatusAsync());

        var next = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal("AwaitingDrone", Api.Stage(next));
    }

    [Fact]
    public async Task Only_an_idle_drone_can_be_retired_and_then_it_leaves_the_fleet()
    {
        var area = TestArea.Next();
        var busy = $"rt-{Guid.NewGuid():N}";
        var idle = $"rt-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, busy, area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        await Api.RegisterDroneAsync(ops, idle, area.At(0, 1));

        Assert.Equal(HttpStatusCode.Conflict, (await ops.DeleteAsync(new Uri($"/api/drones/{busy}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ops.DeleteAsync(new Uri($"/api/drones/{idle}", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync(new Uri($"/api/drones/{idle}", UriKind.Relative))).StatusCode);
        var listed = new List<string>();
        string? token = null;
        do
        {
            var page = await Api.GetAsync(ops, "/api/drones?limit=500" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            listed.AddRange(page["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        Assert.Contains(busy, listed);
        Assert.DoesNotContain(idle, listed);

        var waiting = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 1.2), area.At(1, 1)));
        Assert.Equal("AwaitingDrone", Api.Stage(waiting));
    }
}
