using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>The drone-facing channel: the mission long-poll, and telemetry that is refused whole when any of it is bad.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DroneChannelTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task The_mission_long_poll_answers_with_a_new_version_when_the_drone_is_assigned()
    {
        var area = TestArea.Next();
        var droneId = $"poll-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var pilot = new DronePilot(ops, droneId);

        var idle = await pilot.MissionAsync();
        Assert.Null(idle["mission"]);
        Assert.Equal("Available", idle["status"]!.GetValue<string>());
        var version = idle["version"]!.GetValue<long>();
        Assert.Equal(version, (await pilot.MissionAsync(after: version, waitSeconds: 1))["version"]!.GetValue<long>());

        // The long-poll waits up to 20 s; it must answer on the change, long before that runs out.
        using var woken = new CancellationTokenSource(TimeSpan.FromSeconds(12));
        var waiting = ops.GetAsync(new Uri($"/api/drones/{droneId}/mission?waitSeconds=20&after={version}", UriKind.Relative), woken.Token);
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));

        var assigned = await Api.ReadAsync(await waiting, HttpStatusCode.OK);
        Assert.True(assigned["version"]!.GetValue<long>() > version);
        Assert.Equal(accepted["deliveryId"]!.GetValue<string>(), assigned["mission"]!["deliveryId"]!.GetValue<string>());
        Assert.Equal("Assigned", assigned["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drone_keys_open_the_channel_and_business_keys_do_not()
    {
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var response = await business.PostAsJsonAsync("/api/telemetry", Array.Empty<object>());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await business.GetAsync(new Uri("/api/drones/x/mission", UriKind.Relative))).StatusCode);
        using var anonymous = _cluster.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/telemetry", Array.Empty<object>())).StatusCode);

        using var drone = _cluster.CreateClient(DroneDeliveryCluster.DroneKey);
        Assert.Equal(HttpStatusCode.NotFound, (await drone.GetAsync(new Uri($"/api/drones/never-{Guid.NewGuid():N}/mission?waitSeconds=0", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drone.GetAsync(new Uri("/api/drones", UriKind.Relative))).StatusCode);
    }

    public static TheoryData<string, string> BadBatches => new()
    {
        { """[{"droneId":"{known}","at":"{now}","lat":95,"lon":1,"batteryPct":50}]""", "[0].lat" },
        { """[{"droneId":"{known}","at":"{now}","lat":1,"lon":-200,"batteryPct":50}]""", "[0].lon" },
        { """[{"droneId":"{known}","at":"{future}","lat":1,"lon":1,"batteryPct":50}]""", "[0].at" },
        { """[{"droneId":"{known}","lat":1,"lon":1,"batteryPct":50}]""", "[0].at" },
        { """[{"droneId":"{known}","at":"{now}","lat":1,"lon":1,"batteryPct":150}]""", "[0].batteryPct" },
        { """[{"droneId":"{known}","at":"{now}","lat":1,"lon":1,"batteryPct":50,"speedMps":-3}]""", "[0].speedMps" },
        { """[{"droneId":"{known}","at":"{now}","lat":1,"lon":1,"batteryPct":50,"event":"Exploded"}]""", "[0].event" },
        { """[{"droneId":"no such drone!","at":"{now}","lat":1,"lon":1,"batteryPct":50}]""", "[0].droneId" },
        { """[{"droneId":"{known}","at":"{now}","lat":1,"lon":1,"batteryPct":50},{"droneId":"{unknown}","at":"{now}","lat":1,"lon":1,"batteryPct":50}]""", "[1].droneId" },
        { """[{"droneId":"{unknown}","at":"{now}","lat":1,"lon":1,"batteryPct":50},{"droneId":"{unknown}","at":"{now}","lat":1,"lon":1,"batteryPct":50}]""", "[1].droneId" },
        { """[]""", "body" },
        { """{"droneId":"{known}"}""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task Bad_telemetry_gets_a_400_naming_the_fix_and_nothing_is_published(string template, string field)
    {
        var area = TestArea.Next();
        var droneId = $"tm-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var body = template
            .Replace("{known}", droneId, StringComparison.Ordinal)
            .Replace("{unknown}", $"ghost-{Guid.NewGuid():N}", StringComparison.Ordinal)
            .Replace("{now}", DateTimeOffset.UtcNow.ToString("O"), StringComparison.Ordinal)
            .Replace("{future}", DateTimeOffset.UtcNow.AddHours(1).ToString("O"), StringComparison.Ordinal);

        var response = await ops.PostAsync(new Uri("/api/telemetry", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Api.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"Expected an error for '{field}': {problem.ToJsonString()}");

        // A good fix after the bad batch is the first the drone ever takes in.
        var pilot = new DronePilot(ops, droneId);
        await pilot.ReportAsync(area.At(0.2, 0), batteryPct: 77);
        Assert.Equal(area.At(0.2, 0).Lat, (await pilot.DroneAsync())["position"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_batch_over_a_thousand_fixes_is_refused_and_an_oversized_body_is_413()
    {
        using var ops = _cluster.CreateOperatorClient();
        var fix = new JsonObject { ["droneId"] = "x", ["at"] = DateTimeOffset.UtcNow, ["lat"] = 1, ["lon"] = 1, ["batteryPct"] = 50 };
        var many = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => fix.DeepClone())]);
        var tooMany = await ops.PostAsync(new Uri("/api/telemetry", UriKind.Relative), new StringContent(many.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(
            (await Api.ReadAsync(tooMany, HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("body"));

        var huge = "[" + string.Join(',', Enumerable.Repeat(fix.ToJsonString().Replace("\"x\"", $"\"{new string('x', 60)}\"", StringComparison.Ordinal), 5000)) + "]";
        var tooBig = await ops.PostAsync(new Uri("/api/telemetry", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Late_and_repeated_fixes_are_ignored()
    {
        var area = TestArea.Next();
        var droneId = $"late-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var pilot = new DronePilot(ops, droneId);
        var now = await pilot.ReportAsync(area.At(0, 0), batteryPct: 70, speedMps: 0);

        // A stale and a repeated fix that would each put the drone out of service, then a fresh one.
        var batch = new object[]
        {
            new { droneId, at = now.AddSeconds(-10), lat = area.At(0.5, 0).Lat, lon = area.At(0.5, 0).Lon, batteryPct = 90.0, @event = "Fault" },
            new { droneId, at = now, lat = area.At(0.7, 0).Lat, lon = area.At(0.7, 0).Lon, batteryPct = 90.0, @event = "Fault" },
            new { droneId, at = now.AddMilliseconds(500), lat = area.At(0, 0).Lat, lon = area.At(0, 0).Lon, batteryPct = 69.0 },
        };
        await Api.ReadAsync(await ops.PostAsJsonAsync("/api/telemetry", batch), HttpStatusCode.Accepted);

        var drone = await Eventually.Until(pilot.DroneAsync, d => d["batteryPct"]!.GetValue<double>() == 69, TimeSpan.FromSeconds(20), "the fresh fix");
        Assert.Equal("Available", drone["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_drones_whole_flight_in_one_batch_is_delivered_and_counts_every_leg_in_order()
    {
        var area = TestArea.Next();
        var droneId = $"one-batch-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (pickup, dropoff) = (area.At(1, 0), area.At(2, 0));
        var id = await AssignedDeliveryAsync(ops, business, droneId, area.At(0, 0), pickup, dropoff);

        // Take-off, a detour, the pickup, away from it (picked up), the drop-off: one request, one stream item.
        GeoPoint[] route = [area.At(0.5, 0), area.At(0.75, 0.25), pickup, area.At(1.5, 0), dropoff];
        var start = DateTimeOffset.UtcNow;
        var batch = route.Select((p, i) => new
        {
            droneId,
            at = start.AddMilliseconds(100 * i),
            lat = p.Lat,
            lon = p.Lon,
            alt = 100.0,
            speedMps = 15.0,
            headingDeg = 0.0,
            batteryPct = 80.0,
        });
        await Api.ReadAsync(await ops.PostAsJsonAsync("/api/telemetry", batch), HttpStatusCode.Accepted);

        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"), s => Api.Stage(s) == "Delivered", TimeSpan.FromSeconds(30), "the delivery to be Delivered");
        var drone = await Api.GetAsync(ops, $"/api/drones/{droneId}");
        Assert.Equal("Returning", drone["status"]!.GetValue<string>());
        Assert.Equal(dropoff.Lat, drone["position"]!["lat"]!.GetValue<double>());
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray();
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones.Select(m => m!["stage"]!.GetValue<string>()));

        var recorded = await Eventually.Until(
            () => HistoryReads.ListAllAsync(business, ""), items => items.Exists(i => HistoryReads.Id(i) == id), TimeSpan.FromSeconds(30), "the delivery in the history");
        var flown = route.Zip(route.Skip(1), (from, to) => from.KmTo(to)).Sum();
        Assert.Equal(flown, recorded.Single(i => HistoryReads.Id(i) == id)["distanceKm"]!.GetValue<double>(), 0.01);
    }

    [Fact]
    public async Task A_flight_posted_in_quick_requests_with_its_events_keeps_every_stage_whichever_path_arrives_first()
    {
        var area = TestArea.Next();
        var droneId = $"quick-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (pickup, dropoff) = (area.At(1, 0), area.At(2, 0));
        var id = await AssignedDeliveryAsync(ops, business, droneId, area.At(0, 0), pickup, dropoff);

        // Positions ride the stream, events go to the drone directly: back to back, the pickup
        // may reach the drone before the take-off does, which then comes too late to count.
        var start = DateTimeOffset.UtcNow;
        object Fix(GeoPoint p, int i, string? droneEvent = null) =>
            new { droneId, at = start.AddMilliseconds(100 * i), lat = p.Lat, lon = p.Lon, alt = 100.0, speedMps = 15.0, headingDeg = 0.0, batteryPct = 80.0, @event = droneEvent };
        object[][] requests =
        [
            [Fix(area.At(0.5, 0), 0), Fix(area.At(0.75, 0), 1)],
            [Fix(pickup, 2, "PickedUp"), Fix(area.At(1.5, 0), 3)],
            [Fix(dropoff, 4, "Delivered")],
        ];
        foreach (var request in requests)
        {
            await Api.ReadAsync(await ops.PostAsJsonAsync("/api/telemetry", request), HttpStatusCode.Accepted);
        }

        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"), s => Api.Stage(s) == "Delivered", TimeSpan.FromSeconds(30), "the delivery to be Delivered");
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray();
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones.Select(m => m!["stage"]!.GetValue<string>()));
    }

    /// <summary>Registers the area's only drone and requests a delivery it is assigned; returns the delivery's id.</summary>
    private static async Task<string> AssignedDeliveryAsync(HttpClient ops, HttpClient business, string droneId, GeoPoint home, GeoPoint pickup, GeoPoint dropoff)
    {
        await Api.RegisterDroneAsync(ops, droneId, home);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(pickup, dropoff));
        Assert.Equal(droneId, accepted["droneId"]!.GetValue<string>());
        return accepted["deliveryId"]!.GetValue<string>();
    }
}
