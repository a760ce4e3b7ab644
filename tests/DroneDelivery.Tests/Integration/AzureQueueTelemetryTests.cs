using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>The same telemetry path with Azure Queue streams on Azurite in place of memory streams.</summary>
public sealed class AzureQueueTelemetryTests : IAsyncLifetime
{
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: true, "--DroneDelivery:Telemetry:Provider=AzureQueue", "--DroneDelivery:Telemetry:Partitions=2");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Fixes_posted_to_the_gateway_reach_the_drone_and_its_delivery_through_Azure_queues()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, "queue-drone", area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0)));
        var id = accepted["deliveryId"]!.GetValue<string>();

        var pilot = new DronePilot(ops, "queue-drone");
        await pilot.ReportAsync(area.At(1, 0), batteryPct: 91);

        var status = await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"),
            s => Api.Stage(s) == "HeadedToPickup",
            TimeSpan.FromSeconds(30),
            "the delivery to follow the drone");
        Assert.Equal(area.At(1, 0).Lat, status["lastKnownLocation"]!["lat"]!.GetValue<double>());
        Assert.Equal("HeadedToPickup", await pilot.StatusAsync());
    }
}
