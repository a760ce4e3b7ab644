using System.Net;
using System.Net.Http.Json;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Deliveries;
using DroneDelivery.Grains.Drones;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// A saga step whose write fails leaves nothing assigned or half-created. The failures are armed
/// on the silo's real storage (Azurite), one write at a time, through <see cref="StorageFaults"/>.
/// </summary>
public sealed class CompensationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StorageFaults _faults = new();
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(
            silos: 1, withQueues: false, _faults.InstallOn, $"--DroneDelivery:Drones:SilenceTimeout={SupervisedClusterFixture.SilenceTimeout}");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_request_that_cannot_be_stored_gets_503_and_withdraws_its_package_so_the_packageId_serves_another_delivery()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (first, second, package) = (Api.NewId("dlv"), Api.NewId("dlv"), Api.NewId("pkg"));
        _faults.FailNextWrite<DeliveryState>("delivery", d => d.Stage == DeliveryStage.AwaitingDrone);

        var refused = await business.PostAsJsonAsync("/api/deliveryrequests", Request(area, first, package));
        await Api.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, _faults.Pending);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/packages/{package}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/deliveries/{first}", UriKind.Relative))).StatusCode);

        await Api.RequestDeliveryAsync(business, Request(area, second, package));
        Assert.Equal(second, (await Api.GetAsync(business, $"/api/packages/{package}"))["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_the_package_cannot_be_withdrawn_either_repeating_the_same_request_mends_the_saga()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (id, package) = (Api.NewId("dlv"), Api.NewId("pkg"));
        _faults.FailNextWrite<DeliveryState>("delivery", d => d.Stage == DeliveryStage.AwaitingDrone);
        _faults.FailNextClear("package");

        await Api.ReadAsync(await business.PostAsJsonAsync("/api/deliveryrequests", Request(area, id, package)), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, _faults.Pending);
        Assert.Equal(id, (await Api.GetAsync(business, $"/api/packages/{package}"))["deliveryId"]!.GetValue<string>());

        var accepted = await Api.RequestDeliveryAsync(business, Request(area, id, package));
        Assert.Equal("AwaitingDrone", Api.Stage(accepted));
        Assert.Equal(package, (await Api.GetAsync(business, $"/api/deliveries/{id}"))["package"]!["packageId"]!.GetValue<string>());
        Assert.Equal(id, (await Api.GetAsync(business, $"/api/packages/{package}"))["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_drone_that_accepted_a_mission_the_delivery_could_not_store_is_released_and_the_repeated_request_gets_it()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, id) = (Api.NewId("drone"), Api.NewId("dlv"));
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        _faults.FailNextWrite<DeliveryState>("delivery", d => d.Stage == DeliveryStage.Scheduled);

        await Api.ReadAsync(await business.PostAsJsonAsync("/api/deliveryrequests", Request(area, id)), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, _faults.Pending);
        var released = await Api.GetAsync(ops, $"/api/drones/{drone}");
        Assert.Equal("Available", released["status"]!.GetValue<string>());
        Assert.Null(released["deliveryId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative))).StatusCode);

        var accepted = await Api.RequestDeliveryAsync(business, Request(area, id));
        Assert.Equal("Scheduled", Api.Stage(accepted));
        Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());
        Assert.Equal(id, (await Api.GetAsync(ops, $"/api/drones/{drone}"))["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_drone_left_holding_a_mission_its_delivery_never_stored_is_released_by_its_own_supervisor()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, id) = (Api.NewId("drone"), Api.NewId("dlv"));
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        await using var heartbeat = new DroneHeartbeat(ops, drone, area.At(0, 0));

        await StrandDroneWithAnUnstoredMissionAsync(ops, business, area, drone, id);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative))).StatusCode);

        var released = await Eventually.Until(
            () => Api.GetAsync(ops, $"/api/drones/{drone}"), d => d["deliveryId"] is null, Patience, "the drone's supervisor to release it");
        Assert.Equal("Available", released["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delivery_requested_again_gets_a_fresh_flight_from_a_drone_that_flew_off_for_its_unstored_first_attempt()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, id) = (Api.NewId("drone"), Api.NewId("dlv"));
        var (home, away) = (area.At(0, 0), area.At(0.5, 0));
        await Api.RegisterDroneAsync(ops, drone, home);

        await StrandDroneWithAnUnstoredMissionAsync(ops, business, area, drone, id);

        // It takes off for that mission, and its check finds no delivery behind it: let go, it flies home.
        await using (new DroneHeartbeat(ops, drone, away, batteryPct: 95))
        {
            await Eventually.Until(
                () => Api.GetAsync(ops, $"/api/drones/{drone}"), d => d["deliveryId"] is null, Patience, "the drone's check to release it");
        }

        await using (new DroneHeartbeat(ops, drone, home, batteryPct: 95))
        {
            await Eventually.Until(
                () => Api.GetAsync(ops, $"/api/drones/{drone}"), d => d["status"]!.GetValue<string>() == "Available", Patience, "the drone to be home and available");

            var accepted = await Api.RequestDeliveryAsync(business, Request(area, id));
            Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());

            // The take-off of the first attempt is no report of this assignment: the delivery asking
            // the drone for what it missed must not move on to HeadedToPickup while it stands at home.
            var record = await _cluster.Grains.GetGrain<IDroneGrain>(drone).GetMissionReportsAsync(id);
            Assert.True(record.HoldsMission);
            Assert.Empty(record.Reports);
        }

        await using var flying = new DroneHeartbeat(ops, drone, away, batteryPct: 95);
        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}"), d => Api.Stage(d) == "HeadedToPickup", Patience, "the delivery to hear of the new take-off");
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray().Select(m => m!).ToArray();
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup"], milestones.Select(m => m["stage"]!.GetValue<string>()));
        Assert.True(
            milestones[2]["at"]!.GetValue<DateTimeOffset>() > milestones[1]["at"]!.GetValue<DateTimeOffset>(),
            "The take-off heard of must be the one after this assignment.");
    }

    /// <summary>
    /// The request's first attempt: the drone accepts, then the delivery's Scheduled write fails,
    /// and so does the drone's release: the window a lost silo leaves. The failed release leaves
    /// the stored mission, which the drone holds again once its activation is gone.
    /// </summary>
    private async Task StrandDroneWithAnUnstoredMissionAsync(HttpClient ops, HttpClient business, TestArea area, string drone, string id)
    {
        _faults.FailNextWrite<DeliveryState>("delivery", d => d.Stage == DeliveryStage.Scheduled);
        _faults.FailNextWrite<DroneState>("drone", d => d.Mission is null);
        await Api.ReadAsync(await business.PostAsJsonAsync("/api/deliveryrequests", Request(area, id)), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, _faults.Pending);
        await Eventually.Until(
            () => Api.GetAsync(ops, $"/api/drones/{drone}"), d => d["deliveryId"]?.GetValue<string>() == id, Patience, "the drone to hold the stored mission");
    }

    private static object Request(TestArea area, string deliveryId, string? packageId = null) =>
        Api.Delivery(area.At(1, 0), area.At(3, 0), deliveryId: deliveryId, packageId: packageId);
}
