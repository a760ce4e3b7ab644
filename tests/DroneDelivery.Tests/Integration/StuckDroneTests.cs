using System.Text.Json.Nodes;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Tests.Infrastructure;
using Orleans;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// Drones that stop reporting: each drone's own supervisor (its timers, woken by the cell's watch)
/// declares it Offline, and its delivery is rescheduled or fails, with a milestone saying why.
/// </summary>
public sealed class StuckDroneTests(SupervisedClusterFixture fixture) : IClassFixture<SupervisedClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_drone_silent_before_pickup_goes_Offline_and_its_delivery_is_flown_to_Delivered_by_another_drone()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (silent, spare) = ($"silent-{Guid.NewGuid():N}", $"spare-{Guid.NewGuid():N}");
        await Api.RegisterDroneAsync(ops, silent, area.At(0, 0));
        var id = await RequestAsync(business, area.At(2, 0), area.At(4, 0), silent);
        await Api.RegisterDroneAsync(ops, spare, area.At(0, 1));
        var pilot = new DronePilot(ops, silent);
        await pilot.ReportAsync(area.At(0.5, 0));

        JsonNode rescheduled;
        await using (new DroneHeartbeat(ops, spare, area.At(0, 1)))
        {
            rescheduled = await Eventually.Until(
                () => StatusAsync(business, id), s => s["droneId"]?.GetValue<string>() == spare, Patience, "the delivery to get the spare drone");
        }

        Assert.Equal("Scheduled", Api.Stage(rescheduled));
        var lost = await pilot.DroneAsync();
        Assert.Equal("Offline", lost["status"]!.GetValue<string>());
        Assert.Null(lost["deliveryId"]);
        var milestones = await MilestonesAsync(business, id);
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "AwaitingDrone", "Scheduled"], milestones.Select(m => m["stage"]!.GetValue<string>()));
        Assert.Equal($"Drone {silent} stopped reporting.", milestones[3]["note"]!.GetValue<string>());

        var flyer = new DronePilot(ops, spare);
        await flyer.ReportAsync(area.At(0.5, 0.5));
        await flyer.ReportAsync(area.At(2, 0), droneEvent: "PickedUp");
        await flyer.ReportAsync(area.At(4, 0));
        var delivered = await Eventually.Until(() => StatusAsync(business, id), s => Api.Stage(s) == "Delivered", Patience, "the spare drone to deliver");
        Assert.Equal(spare, delivered["droneId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_drone_silent_after_pickup_goes_Offline_and_its_delivery_fails_with_a_milestone_saying_why()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var drone = $"silent-{Guid.NewGuid():N}";
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        var id = await RequestAsync(business, area.At(1, 0), area.At(3, 0), drone);
        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");

        await Eventually.Until(() => StatusAsync(business, id), s => Api.Stage(s) == "Failed", Patience, "the delivery to fail");
        var last = (await MilestonesAsync(business, id))[^1];
        Assert.Equal("Failed", last["stage"]!.GetValue<string>());
        Assert.Equal($"Drone {drone} stopped reporting.", last["note"]!.GetValue<string>());
        var lost = await pilot.DroneAsync();
        Assert.Equal("Offline", lost["status"]!.GetValue<string>());
        Assert.Null(lost["deliveryId"]);
    }

    [Fact]
    public async Task An_Offline_drone_that_reports_again_rejoins_and_is_assigned_while_a_parked_silent_drone_was_never_Offline()
    {
        var area = TestArea.Next();
        var home = area.At(0, 0);
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, parked) = ($"silent-{Guid.NewGuid():N}", $"parked-{Guid.NewGuid():N}");

        // Parked, with no mission, and too weak for the delivery: silent from here on, and never watched.
        await Api.RegisterDroneAsync(ops, parked, area.At(0, 0.5), maxPayloadKg: 0.5);
        await new DronePilot(ops, parked).ReportAsync(area.At(0, 0.5), batteryPct: 100, speedMps: 0);
        await Api.RegisterDroneAsync(ops, drone, home);
        var id = await RequestAsync(business, area.At(2, 0), area.At(3, 0), drone);
        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(area.At(0.5, 0));

        await Eventually.Until(pilot.StatusAsync, s => s == "Offline", Patience, "the drone to go Offline");
        Assert.Equal("AwaitingDrone", Api.Stage(await StatusAsync(business, id)));
        Assert.Equal("Available", await new DronePilot(ops, parked).StatusAsync());

        // Back home and reporting: available again, so the waiting delivery gets it.
        await using var heartbeat = new DroneHeartbeat(ops, drone, home);
        var scheduled = await Eventually.Until(
            () => StatusAsync(business, id), s => Api.Stage(s) == "Scheduled", Patience, "the delivery to get the drone back");
        Assert.Equal(drone, scheduled["droneId"]!.GetValue<string>());
        var back = await pilot.DroneAsync();
        Assert.Equal("Assigned", back["status"]!.GetValue<string>());
        Assert.Equal(id, back["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_drone_standing_at_its_base_in_the_middle_of_a_mission_gives_it_up_stays_in_service_and_another_drone_flies_it()
    {
        var area = TestArea.Next();
        var home = area.At(0, 0);
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, spare) = ($"home-again-{Guid.NewGuid():N}", $"spare-{Guid.NewGuid():N}");
        await Api.RegisterDroneAsync(ops, drone, home);
        var id = await RequestAsync(business, area.At(2, 0), area.At(4, 0), drone);
        await Api.RegisterDroneAsync(ops, spare, area.At(0, 1));
        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(area.At(0.5, 0));
        Assert.Equal("HeadedToPickup", await pilot.StatusAsync());

        // Back at its base, standing still and reporting, as a drone that lost track of its
        // mission would: never silent, yet no longer flying the delivery. Low on charge, so
        // the delivery goes to the spare rather than back to it.
        JsonNode rescheduled;
        await using (new DroneHeartbeat(ops, drone, home, batteryPct: 40))
        await using (new DroneHeartbeat(ops, spare, area.At(0, 1)))
        {
            rescheduled = await Eventually.Until(
                () => StatusAsync(business, id), s => s["droneId"]?.GetValue<string>() == spare, Patience, "the delivery to get the spare drone");
        }

        Assert.Equal("Scheduled", Api.Stage(rescheduled));
        var back = await pilot.DroneAsync();
        Assert.Equal("Charging", back["status"]!.GetValue<string>());
        Assert.Null(back["deliveryId"]);
        var milestones = await MilestonesAsync(business, id);
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "AwaitingDrone", "Scheduled"], milestones.Select(m => m["stage"]!.GetValue<string>()));
        Assert.Equal($"Drone {drone} is back at its base without finishing the delivery.", milestones[3]["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_drone_still_at_its_base_after_its_pickup_time_gives_the_delivery_up_and_goes_into_maintenance()
    {
        var area = TestArea.Next();
        var home = area.At(0, 0);
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, spare) = ($"never-left-{Guid.NewGuid():N}", $"spare-{Guid.NewGuid():N}");

        // Fast, with the pickup 300 m away: its pickup is due a few seconds after the assignment.
        await Api.RegisterDroneAsync(ops, drone, home, cruiseSpeedMps: 50);
        var id = await RequestAsync(business, area.At(0.3, 0), area.At(0.6, 0), drone);
        await Api.RegisterDroneAsync(ops, spare, area.At(0, 0.5));

        // Parked and reporting, as a drone that never received its mission would be.
        JsonNode rescheduled;
        await using (new DroneHeartbeat(ops, drone, home))
        await using (new DroneHeartbeat(ops, spare, area.At(0, 0.5)))
        {
            rescheduled = await Eventually.Until(
                () => StatusAsync(business, id), s => s["droneId"]?.GetValue<string>() == spare, Patience, "the delivery to get the spare drone");
        }

        Assert.Equal("Scheduled", Api.Stage(rescheduled));
        var parked = await new DronePilot(ops, drone).DroneAsync();
        Assert.Equal("Maintenance", parked["status"]!.GetValue<string>());
        Assert.Null(parked["deliveryId"]);
        var milestones = await MilestonesAsync(business, id);
        Assert.Equal(["Requested", "Scheduled", "AwaitingDrone", "Scheduled"], milestones.Select(m => m["stage"]!.GetValue<string>()));
        Assert.Equal($"Drone {drone} never left its base for the delivery; it is taken out of service.", milestones[2]["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_silent_drone_whose_activation_is_gone_is_woken_by_its_cells_watch_and_its_delivery_goes_to_another_drone()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (lost, spare) = ($"lost-{Guid.NewGuid():N}", $"spare-{Guid.NewGuid():N}");
        await Api.RegisterDroneAsync(ops, lost, area.At(0, 0));
        var id = await RequestAsync(business, area.At(2, 0), area.At(4, 0), lost);
        await Api.RegisterDroneAsync(ops, spare, area.At(0, 1));
        await new DronePilot(ops, lost).ReportAsync(area.At(0.5, 0));

        // As if its silo had gone: the activation, with its timers, is no more, and nothing
        // calls the drone again. Only the cell's watch can bring it back to find it silent.
        await _cluster.Grains.GetGrain<IDroneGrain>(lost).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        await using (new DroneHeartbeat(ops, spare, area.At(0, 1)))
        {
            await Eventually.Until(
                () => StatusAsync(business, id), s => s["droneId"]?.GetValue<string>() == spare, Patience, "the delivery to get the spare drone");
        }

        var milestones = await MilestonesAsync(business, id);
        Assert.Equal($"Drone {lost} stopped reporting.", milestones[3]["note"]!.GetValue<string>());
        Assert.Equal("Offline", await new DronePilot(ops, lost).StatusAsync());
    }

    [Fact]
    public async Task A_delivery_flown_from_request_to_drop_off_registers_no_reminder_of_its_own_or_its_drones_only_its_cell_holds_one()
    {
        var area = TestArea.Next();
        var home = area.At(0, 0);
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var drone = $"watched-{Guid.NewGuid():N}";
        await Api.RegisterDroneAsync(ops, drone, home);
        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(home, batteryPct: 100, speedMps: 0);

        var id = await RequestAsync(business, area.At(1, 0), area.At(2, 0), drone);
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0));
        await Eventually.Until(() => StatusAsync(business, id), s => Api.Stage(s) == "Delivered", Patience, "the delivery");
        Assert.Equal("Returning", await pilot.StatusAsync());
        await pilot.ReportAsync(home, batteryPct: 95, speedMps: 0);
        Assert.Equal("Available", await pilot.StatusAsync());

        // Each would be a storage write per delivery: the timers of the drone watch instead. The
        // delivery's history reminder stands only until its record is written.
        Assert.Empty(await RemindersOfAsync(GrainId.Create("drone", drone)));
        await Eventually.Until(() => RemindersOfAsync(GrainId.Create("delivery", id)), r => r.Length == 0, Patience, "the delivery's history reminder to go");
        var cell = RegionCell.Of(new Location(home.Lat, home.Lon)).Key;
        Assert.Equal(["cell-watch"], await RemindersOfAsync(GrainId.Create("scheduler", cell)));
    }

    /// <summary>A grain's reminders as the cluster's reminder table (on Azurite) holds them.</summary>
    private async Task<string[]> RemindersOfAsync(GrainId grain)
    {
        var table = _cluster.SiloServices.First().GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(grain);
        return [.. rows.Reminders.Select(r => r.ReminderName)];
    }

    private static async Task<string> RequestAsync(HttpClient business, GeoPoint pickup, GeoPoint dropoff, string expectedDrone)
    {
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(pickup, dropoff));
        Assert.Equal("Scheduled", Api.Stage(accepted));
        Assert.Equal(expectedDrone, accepted["droneId"]!.GetValue<string>());
        return accepted["deliveryId"]!.GetValue<string>();
    }

    private static Task<JsonNode> StatusAsync(HttpClient business, string id) => Api.GetAsync(business, $"/api/deliveries/{id}/status");

    private static async Task<JsonNode[]> MilestonesAsync(HttpClient business, string id) =>
        [.. (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray().Select(m => m!)];
}
