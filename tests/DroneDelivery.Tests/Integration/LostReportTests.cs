using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Tests.Infrastructure;
using Orleans;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// What a dying silo can lose: a drone's reports to its delivery, which go one-way (the drone's
/// check tells the delivery when it last reported, and the delivery asks for what it missed), and the fixes in its stream queue (a drone at the
/// drop-off that never saw its pickup still finishes the delivery, and events never ride the stream).
/// </summary>
public sealed class LostReportTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ProgressReportDropper _dropper = new();
    private readonly StreamFixDropper _streamDropper = new();
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(
            silos: 1,
            withQueues: false,
            builder => builder.Services
                .AddSingleton<IIncomingGrainCallFilter>(_dropper)
                .AddSingleton<IIncomingGrainCallFilter>(_streamDropper),
            $"--DroneDelivery:Scheduling:RetryPeriod={TimeSpan.FromSeconds(2)}");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_delivery_that_never_heard_of_pickup_and_arrival_catches_up_with_its_drone_and_is_Delivered()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var drone = $"unheard-{Guid.NewGuid():N}";
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());
        var id = accepted["deliveryId"]!.GetValue<string>();
        _dropper.Drop(id, DroneProgressKind.PickedUp);
        _dropper.Drop(id, DroneProgressKind.ArrivedAtDropoff);

        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0));
        Assert.Equal("Returning", await pilot.StatusAsync());

        var delivered = await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"), s => Api.Stage(s) == "Delivered", Patience, "the delivery to catch up with its drone");
        Assert.Equal(2, _dropper.Dropped);
        Assert.Null(delivered["deliveryEta"]);
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray().Select(m => m!["stage"]!.GetValue<string>());
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones);
    }

    [Fact]
    public async Task A_delivery_that_missed_its_drone_giving_it_up_learns_it_and_is_scheduled_on_another()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (first, second) = ($"forgetful-{Guid.NewGuid():N}", $"second-{Guid.NewGuid():N}");
        await Api.RegisterDroneAsync(ops, first, area.At(0, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal(first, accepted["droneId"]!.GetValue<string>());
        var id = accepted["deliveryId"]!.GetValue<string>();

        // The drone's abandonment is lost: it is back in service, and the delivery still names it.
        _dropper.Drop(id, DroneProgressKind.Aborted);
        var pilot = new DronePilot(ops, first);
        await pilot.ReportAsync(area.At(0, 0), batteryPct: 10, speedMps: 0);
        await Api.RegisterDroneAsync(ops, second, area.At(0, 1));

        var rescheduled = await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"),
            s => s["droneId"]?.GetValue<string>() is { } d && d != first,
            Patience,
            "the delivery to learn its drone gave it up");
        Assert.Equal(1, _dropper.Dropped);
        Assert.Equal("Scheduled", Api.Stage(rescheduled));
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray().Select(m => m!).ToArray();
        Assert.Equal(["Requested", "Scheduled", "AwaitingDrone", "Scheduled"], milestones.Select(m => m["stage"]!.GetValue<string>()));
        Assert.Contains("battery", milestones[2]["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drone_whose_pickup_fixes_were_lost_still_delivers_when_it_reports_from_the_drop_off()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var drone = $"unseen-pickup-{Guid.NewGuid():N}";
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());
        var id = accepted["deliveryId"]!.GetValue<string>();

        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(2, 0));

        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"), s => Api.Stage(s) == "Delivered", Patience, "the delivery to be Delivered");
        Assert.Equal("Returning", await pilot.StatusAsync());
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray().Select(m => m!["stage"]!.GetValue<string>());
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones);
    }

    [Fact]
    public async Task A_drone_whose_stream_loses_every_fix_still_delivers_because_its_PickedUp_and_Delivered_events_reach_it_directly()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var drone = $"lost-stream-{Guid.NewGuid():N}";
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());
        var id = accepted["deliveryId"]!.GetValue<string>();

        // Its stream dies: the take-off fix is accepted, then lost on the way to the drone.
        _streamDropper.Drop(drone);
        var takeOff = await ops.PostAsJsonAsync("/api/telemetry", new[]
        {
            new { droneId = drone, at = DateTimeOffset.UtcNow, lat = area.At(0.5, 0).Lat, lon = area.At(0.5, 0).Lon, alt = 100.0, speedMps = 15.0, headingDeg = 0.0, batteryPct = 90.0 },
        });
        await Api.ReadAsync(takeOff, HttpStatusCode.Accepted);
        await Eventually.Until(() => Task.FromResult(_streamDropper.Dropped), n => n > 0, Patience, "the take-off fix to be lost");
        Assert.Equal("Assigned", await new DronePilot(ops, drone).StatusAsync());

        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0), droneEvent: "Delivered");

        // The drone took the events in before the gateway answered; it tells its delivery one-way.
        Assert.Equal("Returning", await pilot.StatusAsync());
        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"), s => Api.Stage(s) == "Delivered", Patience, "the delivery to be Delivered");
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray().Select(m => m!["stage"]!.GetValue<string>());
        // The lost take-off is reported with the pickup, so no stage is missing.
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones);
    }

    [Fact]
    public async Task A_delivery_that_missed_its_drones_take_off_report_still_records_the_whole_distance_the_drone_flew()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var drone = $"unseen-take-off-{Guid.NewGuid():N}";
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));
        var (takeOff, pickup, dropoff) = (area.At(0.5, 0), area.At(1, 0), area.At(2, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(pickup, dropoff));
        Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());
        var id = accepted["deliveryId"]!.GetValue<string>();

        // The first report the delivery hears of is the pickup, as if the take-off had been overtaken.
        _dropper.Drop(id, DroneProgressKind.TookOff);
        var pilot = new DronePilot(ops, drone);
        await pilot.ReportAsync(takeOff);
        await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
        await pilot.ReportAsync(dropoff);

        var recorded = await Eventually.Until(
            () => HistoryReads.ListAllAsync(business, ""),
            items => items.Exists(i => HistoryReads.Id(i) == id),
            Patience,
            "the delivery to be in the history");
        var item = recorded.Single(i => HistoryReads.Id(i) == id);
        Assert.Equal(1, _dropper.Dropped);
        Assert.Equal(takeOff.KmTo(pickup) + pickup.KmTo(dropoff), item["distanceKm"]!.GetValue<double>(), 0.01);
    }
}
