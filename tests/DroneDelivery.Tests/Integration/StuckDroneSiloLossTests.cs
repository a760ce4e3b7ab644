using System.Text.Json.Nodes;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// The silo hosting a flying drone dies with it: the cell's watch (its scheduler's reminder) wakes
/// the drone on the other silo, whose supervisor finds it silent. A cluster of its own, so the fleet summary's
/// counts are all this test's.
/// </summary>
public sealed class StuckDroneSiloLossTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 2, withQueues: false, $"--DroneDelivery:Drones:SilenceTimeout={SupervisedClusterFixture.SilenceTimeout}");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_the_silo_of_a_flying_drone_is_killed_the_other_silo_declares_the_silent_drones_Offline_and_the_summary_counts_them()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (before, after, parked) = ($"before-{Guid.NewGuid():N}", $"after-{Guid.NewGuid():N}", $"parked-{Guid.NewGuid():N}");
        await Api.RegisterDroneAsync(ops, parked, area.At(0, 0.5), maxPayloadKg: 0.5);
        await Api.RegisterDroneAsync(ops, before, area.At(0, 0));
        var waiting = await RequestAsync(business, area.At(2, 0), area.At(4, 0), before);
        await Api.RegisterDroneAsync(ops, after, area.At(0, 1));
        var failing = await RequestAsync(business, area.At(1, 1), area.At(3, 1), after);
        await new DronePilot(ops, before).ReportAsync(area.At(0.5, 0));
        var carrier = new DronePilot(ops, after);
        await carrier.ReportAsync(area.At(0.5, 1));
        await carrier.ReportAsync(area.At(1, 1), droneEvent: "PickedUp");

        await _cluster.KillSiloHostingAsync(_cluster.Grains.GetGrain<IDroneGrain>(before));

        var summary = await Eventually.Until(
            () => Api.GetAsync(ops, "/api/fleet/summary"),
            s => s["dronesByStatus"]!["Offline"]!.GetValue<int>() == 2,
            Patience,
            "both flying drones to be counted Offline");
        Assert.Equal(
            new Dictionary<string, int> { ["Available"] = 1, ["Assigned"] = 0, ["HeadedToPickup"] = 0, ["HeadedToDropoff"] = 0, ["Returning"] = 0, ["Charging"] = 0, ["Maintenance"] = 0, ["Offline"] = 2 },
            summary["dronesByStatus"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()));
        Assert.Equal("AwaitingDrone", Api.Stage(await Eventually.Until(
            () => StatusAsync(business, waiting), s => Api.Stage(s) != "HeadedToPickup", Patience, "the delivery before pickup to be given up by its drone")));
        Assert.Equal("Failed", Api.Stage(await Eventually.Until(
            () => StatusAsync(business, failing), s => Api.Stage(s) != "HeadedToDropoff", Patience, "the delivery after pickup to be given up by its drone")));
        Assert.Equal($"Drone {before} stopped reporting.", (await Api.GetAsync(business, $"/api/deliveries/{waiting}/milestones")).AsArray()[^1]!["note"]!.GetValue<string>());
        Assert.Equal($"Drone {after} stopped reporting.", (await Api.GetAsync(business, $"/api/deliveries/{failing}/milestones")).AsArray()[^1]!["note"]!.GetValue<string>());
        Assert.Equal("Available", await new DronePilot(ops, parked).StatusAsync());
    }

    private static async Task<string> RequestAsync(HttpClient business, GeoPoint pickup, GeoPoint dropoff, string expectedDrone)
    {
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(pickup, dropoff));
        Assert.Equal(expectedDrone, accepted["droneId"]!.GetValue<string>());
        return accepted["deliveryId"]!.GetValue<string>();
    }

    private static Task<JsonNode> StatusAsync(HttpClient business, string id) => Api.GetAsync(business, $"/api/deliveries/{id}/status");
}
