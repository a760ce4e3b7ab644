using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>Deliveries follow their drone: telemetry over real HTTP, streams, drone and delivery grains on Azurite.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeliveryLifecycleTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_delivery_passes_every_stage_to_Delivered_with_shrinking_ETAs_and_the_drone_ends_available_at_home()
    {
        var (area, pilot, business) = await SetUpAsync();
        var home = area.At(0, 0);
        var pickup = area.At(3, 0);
        var dropoff = area.At(6, 0);
        var id = await RequestAsync(business, pickup, dropoff);

        var mission = (await pilot.MissionAsync())["mission"]!;
        Assert.Equal(id, mission["deliveryId"]!.GetValue<string>());
        Assert.Equal(dropoff.Lat, mission["dropoff"]!["lat"]!.GetValue<double>());

        await pilot.ReportAsync(home.Toward(pickup, 0.1));
        Assert.Equal("HeadedToPickup", Api.Stage(await StatusAtAsync(business, id, home.Toward(pickup, 0.1))));

        var etas = new List<(DateTimeOffset Pickup, DateTimeOffset Delivery)>();
        foreach (var fraction in new[] { 0.3, 0.6, 0.9 })
        {
            var at = home.Toward(pickup, fraction);
            var sent = await pilot.ReportAsync(at);
            var status = await StatusAtAsync(business, id, at);
            var pickupEta = status["pickupEta"]!.GetValue<DateTimeOffset>();
            etas.Add((pickupEta, status["deliveryEta"]!.GetValue<DateTimeOffset>()));
            AssertNear(sent + TimeSpan.FromSeconds(at.KmTo(pickup) * 1000 / 15), pickupEta);
            Assert.Equal(at.Lat, status["lastKnownLocation"]!["lat"]!.GetValue<double>());
        }

        Assert.True(etas.Zip(etas.Skip(1)).All(p => p.Second.Pickup < p.First.Pickup && p.Second.Delivery < p.First.Delivery), "ETAs must shrink as the drone approaches.");

        await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
        var picked = await StatusAtAsync(business, id, pickup);
        Assert.Equal("HeadedToDropoff", Api.Stage(picked));
        Assert.Null(picked["pickupEta"]);

        var near = pickup.Toward(dropoff, 0.8);
        var sentNear = await pilot.ReportAsync(near);
        AssertNear(sentNear + TimeSpan.FromSeconds(near.KmTo(dropoff) * 1000 / 15), (await StatusAtAsync(business, id, near))["deliveryEta"]!.GetValue<DateTimeOffset>());

        await pilot.ReportAsync(dropoff);
        var delivered = await StatusAtAsync(business, id, dropoff);
        Assert.Equal("Delivered", Api.Stage(delivered));
        Assert.Null(delivered["pickupEta"]);
        Assert.Null(delivered["deliveryEta"]);

        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray();
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones.Select(m => m!["stage"]!.GetValue<string>()));
        var times = milestones.Select(m => m!["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(dropoff.Lat, milestones[^1]!["location"]!["lat"]!.GetValue<double>());

        Assert.Equal("Returning", await pilot.StatusAsync());
        Assert.Null((await pilot.MissionAsync())["mission"]);
        await pilot.ReportAsync(dropoff.Toward(home, 0.5), batteryPct: 60);
        await pilot.ReportAsync(home, batteryPct: 55, speedMps: 0);
        Assert.Equal("Charging", await pilot.StatusAsync());
        await pilot.ReportAsync(home, batteryPct: 95, speedMps: 0);
        var drone = await pilot.DroneAsync();
        Assert.Equal("Available", drone["status"]!.GetValue<string>());
        Assert.Equal(home.Lat, drone["position"]!["lat"]!.GetValue<double>());
        Assert.Null(drone["deliveryId"]);
    }

    [Fact]
    public async Task A_delivery_that_needs_a_confirmation_waits_at_the_drop_off_until_the_right_one_arrives()
    {
        var (area, pilot, business) = await SetUpAsync();
        var pickup = area.At(1, 0);
        var dropoff = area.At(2, 0);
        var id = await RequestAsync(business, pickup, dropoff, confirmation: "Picture");
        Assert.Equal("Picture", (await pilot.MissionAsync())["mission"]!["confirmationRequired"]!.GetValue<string>());

        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
        await pilot.ReportAsync(dropoff, droneEvent: "Delivered");
        Assert.Equal("HeadedToDropoff", Api.Stage(await StatusAtAsync(business, id, dropoff)));
        Assert.Equal("HeadedToDropoff", await pilot.StatusAsync());

        using var channel = _cluster.CreateOperatorClient();
        var wrong = await channel.PostAsJsonAsync($"/api/deliveries/{id}/confirmations", new { type = "Voice" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("HeadedToDropoff", Api.Stage(await StatusAsync(business, id)));

        var confirmed = await channel.PostAsJsonAsync($"/api/deliveries/{id}/confirmations", new { type = "Picture", blobUri = "https://proofs.example.com/p.jpg" });
        Assert.Equal("Delivered", Api.Stage(await Api.ReadAsync(confirmed, HttpStatusCode.OK)));
        Assert.Equal("Delivered", Api.Stage(await StatusAsync(business, id)));
        Assert.Equal("Returning", await pilot.StatusAsync());
        Assert.Null((await pilot.MissionAsync())["mission"]);
    }

    [Fact]
    public async Task Cancelling_in_flight_releases_the_drone_which_flies_home_and_a_delivered_one_cannot_be_cancelled()
    {
        var (area, pilot, business) = await SetUpAsync();
        var id = await RequestAsync(business, area.At(2, 0), area.At(4, 0));
        var before = (await pilot.MissionAsync())["version"]!.GetValue<long>();
        await pilot.ReportAsync(area.At(0.5, 0));

        var cancelled = await Api.ReadAsync(await business.DeleteAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Cancelled", Api.Stage(cancelled));
        Assert.Null(cancelled["deliveryEta"]);

        var channel = await pilot.MissionAsync(after: before, waitSeconds: 5);
        Assert.Null(channel["mission"]);
        Assert.True(channel["version"]!.GetValue<long>() > before);
        Assert.Equal("Returning", await pilot.StatusAsync());

        // Cancelling again answers the same; the drone's later fixes no longer move the delivery.
        Assert.Equal("Cancelled", Api.Stage(await Api.ReadAsync(await business.DeleteAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative)), HttpStatusCode.OK)));
        await pilot.ReportAsync(area.At(2, 0), droneEvent: "PickedUp");
        Assert.Equal("Cancelled", Api.Stage(await StatusAsync(business, id)));

        var other = await SetUpAsync();
        var deliveredId = await RequestAsync(other.Business, other.Area.At(1, 0), other.Area.At(2, 0));
        await other.Pilot.ReportAsync(other.Area.At(0.5, 0));
        await other.Pilot.ReportAsync(other.Area.At(1, 0), droneEvent: "PickedUp");
        await other.Pilot.ReportAsync(other.Area.At(2, 0));
        Assert.Equal("Delivered", Api.Stage(await StatusAtAsync(other.Business, deliveredId, other.Area.At(2, 0))));
        var refused = await other.Business.DeleteAsync(new Uri($"/api/deliveries/{deliveredId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Delivered", Api.Stage(await StatusAsync(other.Business, deliveredId)));
    }

    [Fact]
    public async Task Changing_the_drop_off_before_pickup_updates_the_ETA_and_the_mission_and_after_pickup_is_409()
    {
        var (area, pilot, business) = await SetUpAsync();
        var id = await RequestAsync(business, area.At(1, 0), area.At(2, 0));
        var first = await Api.GetAsync(business, $"/api/deliveries/{id}");
        var version = (await pilot.MissionAsync())["version"]!.GetValue<long>();

        var farther = area.At(5, 0);
        var changed = await Api.ReadAsync(await business.PatchAsJsonAsync($"/api/deliveries/{id}", new { dropoff = farther }), HttpStatusCode.OK);
        Assert.Equal(farther.Lat, changed["dropoff"]!["lat"]!.GetValue<double>());
        Assert.Equal("Scheduled", Api.Stage(changed));
        Assert.True(changed["deliveryEta"]!.GetValue<DateTimeOffset>() > first["deliveryEta"]!.GetValue<DateTimeOffset>(), "A farther drop-off is reached later.");

        var mission = await pilot.MissionAsync(after: version, waitSeconds: 5);
        Assert.Equal(farther.Lat, mission["mission"]!["dropoff"]!["lat"]!.GetValue<double>());

        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        var late = await business.PatchAsJsonAsync($"/api/deliveries/{id}", new { dropoff = area.At(3, 0) });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(farther.Lat, (await Api.GetAsync(business, $"/api/deliveries/{id}"))["dropoff"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_fault_before_pickup_puts_the_delivery_back_to_AwaitingDrone_and_another_drone_takes_it()
    {
        var (area, pilot, business) = await SetUpAsync();
        var id = await RequestAsync(business, area.At(2, 0), area.At(4, 0));
        await pilot.ReportAsync(area.At(0.5, 0));

        using var ops = _cluster.CreateOperatorClient();
        var spare = $"spare-{Guid.NewGuid():N}";
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "Fault");
        var waiting = await StatusAtAsync(business, id, area.At(1, 0));
        Assert.Equal("AwaitingDrone", Api.Stage(waiting));
        Assert.Null(waiting["droneId"]);
        Assert.Equal("Maintenance", await pilot.StatusAsync());
        var note = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray()[^1]!;
        Assert.Equal("AwaitingDrone", note["stage"]!.GetValue<string>());
        Assert.Contains("fault", note["note"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        await Api.RegisterDroneAsync(ops, spare, area.At(0, 1));
        var rescheduled = await Eventually.Until(
            () => StatusAsync(business, id),
            s => Api.Stage(s) == "Scheduled",
            TimeSpan.FromSeconds(30),
            "the delivery to get the spare drone");
        Assert.Equal(spare, rescheduled["droneId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fault_after_pickup_fails_the_delivery_with_a_milestone_saying_why()
    {
        var (area, pilot, business) = await SetUpAsync();
        var id = await RequestAsync(business, area.At(1, 0), area.At(3, 0));
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0), droneEvent: "Fault");

        var status = await StatusAtAsync(business, id, area.At(2, 0));
        Assert.Equal("Failed", Api.Stage(status));
        var last = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray()[^1]!;
        Assert.Equal("Failed", last["stage"]!.GetValue<string>());
        Assert.Contains("fault", last["note"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_delivery_waiting_for_the_only_drone_gets_it_once_the_drone_is_home_and_charged()
    {
        var (area, pilot, business) = await SetUpAsync();
        var home = area.At(0, 0);
        var first = await RequestAsync(business, area.At(1, 0), area.At(2, 0));
        var second = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 1), area.At(0, 2)));
        Assert.Equal("AwaitingDrone", Api.Stage(second));
        var waitingId = second["deliveryId"]!.GetValue<string>();

        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0));
        Assert.Equal("Delivered", Api.Stage(await StatusAtAsync(business, first, area.At(2, 0))));
        await pilot.ReportAsync(home, batteryPct: 70, speedMps: 0);
        Assert.Equal("Charging", await pilot.StatusAsync());
        Assert.Equal("AwaitingDrone", Api.Stage(await StatusAsync(business, waitingId)));

        await pilot.ReportAsync(home, batteryPct: 92, speedMps: 0);
        var scheduled = await Eventually.Until(
            () => StatusAsync(business, waitingId),
            s => Api.Stage(s) == "Scheduled",
            TimeSpan.FromSeconds(20),
            "the waiting delivery to get the drone back in service");
        Assert.Equal(pilot.DroneId, scheduled["droneId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_battery_below_the_reserve_before_pickup_sends_the_drone_home_and_the_delivery_back_to_waiting()
    {
        var (area, pilot, business) = await SetUpAsync();
        var id = await RequestAsync(business, area.At(2, 0), area.At(3, 0));
        await pilot.ReportAsync(area.At(0.5, 0), batteryPct: 40);
        await pilot.ReportAsync(area.At(1, 0), batteryPct: 12);

        var status = await StatusAtAsync(business, id, area.At(1, 0));
        Assert.Equal("AwaitingDrone", Api.Stage(status));
        Assert.Equal("Returning", await pilot.StatusAsync());
        var note = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray()[^1]!["note"]!.GetValue<string>();
        Assert.Contains("battery", note, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(TestArea Area, DronePilot Pilot, HttpClient Business)> SetUpAsync()
    {
        var area = TestArea.Next();
        var droneId = $"pilot-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        return (area, new DronePilot(_cluster.CreateOperatorClient(), droneId), await Api.NewBusinessClientAsync(_cluster));
    }

    private static async Task<string> RequestAsync(HttpClient business, GeoPoint pickup, GeoPoint dropoff, string confirmation = "None")
    {
        var accepted = await Api.RequestDeliveryAsync(business, new
        {
            pickup,
            dropoff,
            confirmationRequired = confirmation,
            package = new { size = "Small", weightKg = 1 },
        });
        Assert.Equal("Scheduled", Api.Stage(accepted));
        return accepted["deliveryId"]!.GetValue<string>();
    }

    private static Task<JsonNode> StatusAsync(HttpClient business, string id) => Api.GetAsync(business, $"/api/deliveries/{id}/status");

    /// <summary>The status once the delivery has heard of the drone's fix at <paramref name="point"/>: drones tell deliveries one-way.</summary>
    private static Task<JsonNode> StatusAtAsync(HttpClient business, string id, GeoPoint point) =>
        Eventually.Until(
            () => StatusAsync(business, id),
            s => s["lastKnownLocation"] is { } at && at["lat"]!.GetValue<double>() == point.Lat && at["lon"]!.GetValue<double>() == point.Lon,
            TimeSpan.FromSeconds(20),
            $"delivery {id} to hear of the fix at {point}");

    /// <summary>The test's own distance may differ from the service's by a fraction of a percent.</summary>
    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromSeconds(3), expected + TimeSpan.FromSeconds(3));
}
