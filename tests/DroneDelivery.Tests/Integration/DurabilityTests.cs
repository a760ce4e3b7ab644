using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>A cluster of its own, stopped whole (storage too) and started again on the same data.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private DroneDeliveryCluster _cluster = null!;

    // A short retry period: after the restart only the reminder knows a delivery is waiting.
    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 2, withQueues: false, "--DroneDelivery:Scheduling:RetryPeriod=00:00:03");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_a_full_restart_businesses_drones_and_deliveries_are_all_there_and_waiting_deliveries_still_get_drones()
    {
        var area = TestArea.Next();
        var (businessId, key) = await Api.RegisterBusinessAsync(_cluster);
        var drones = new[] { "carrier-a", "carrier-b", "light-c" };
        using (var ops = _cluster.CreateOperatorClient())
        {
            await Api.RegisterDroneAsync(ops, drones[0], area.At(1, 0));
            await Api.RegisterDroneAsync(ops, drones[1], area.At(2, 0));
            await Api.RegisterDroneAsync(ops, drones[2], area.At(3, 0), maxPayloadKg: 1);
        }

        string[] scheduled;
        string waiting;
        using (var business = _cluster.CreateClient(key))
        {
            scheduled =
            [
                (await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(4, 0), weightKg: 3, deliveryId: "before-1")))["droneId"]!.GetValue<string>(),
                (await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(4, 0), weightKg: 3, deliveryId: "before-2")))["droneId"]!.GetValue<string>(),
            ];
            var third = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(4, 0), weightKg: 3, deliveryId: "before-3"));
            Assert.Equal("AwaitingDrone", Api.Stage(third));
            waiting = third["deliveryId"]!.GetValue<string>();
        }

        Assert.Equal(drones[..2].Order(), scheduled.Order());

        await _cluster.StopProcessesAsync();
        await _cluster.Storage.StopAsync();
        await _cluster.Storage.StartAsync();
        await _cluster.StartProcessesAsync(silos: 2);

        using var again = _cluster.CreateClient(key);
        using var operators = _cluster.CreateOperatorClient();
        Assert.Equal(businessId, (await Api.GetAsync(again, "/api/businesses/me"))["id"]!.GetValue<string>());
        for (var i = 0; i < 2; i++)
        {
            var delivery = await Api.GetAsync(again, $"/api/deliveries/before-{i + 1}");
            Assert.Equal("Scheduled", Api.Stage(delivery));
            Assert.Equal(scheduled[i], delivery["droneId"]!.GetValue<string>());
            var drone = await Api.GetAsync(operators, $"/api/drones/{scheduled[i]}");
            Assert.Equal("Assigned", drone["status"]!.GetValue<string>());
            Assert.Equal($"before-{i + 1}", drone["deliveryId"]!.GetValue<string>());
        }

        Assert.Equal("AwaitingDrone", Api.Stage(await Api.GetAsync(again, $"/api/deliveries/{waiting}")));

        // The rebuilt scheduler knows the light drone without anyone registering it again.
        var light = await Api.RequestDeliveryAsync(again, Api.Delivery(area.At(0, 0), area.At(4, 0), weightKg: 0.5));
        Assert.Equal("Scheduled", Api.Stage(light));
        Assert.Equal(drones[2], light["droneId"]!.GetValue<string>());

        // A new able drone: the delivery that waited through the restart gets it, unprompted.
        await Api.RegisterDroneAsync(operators, "carrier-d", area.At(1, 1));
        var status = await Eventually.Until(
            () => Api.GetAsync(again, $"/api/deliveries/{waiting}/status"),
            s => Api.Stage(s) == "Scheduled",
            TimeSpan.FromSeconds(60),
            "the delivery that waited through the restart to be scheduled");
        Assert.Equal("carrier-d", status["droneId"]!.GetValue<string>());
    }
}
