using System.Net.Http.Json;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed class DeliverySchedulingTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_delivery_is_scheduled_on_the_nearest_drone_that_can_lift_it_and_fly_the_whole_trip()
    {
        var area = TestArea.Next();
        var ids = DroneIds(4);
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, ids[0], area.At(1, 0), maxPayloadKg: 2);       // nearest, but can't lift 3 kg
        await Api.RegisterDroneAsync(ops, ids[1], area.At(0, 1.5), rangeKm: 5);          // near, but can't fly out and back
        await Api.RegisterDroneAsync(ops, ids[2], area.At(-4, 0));                        // the nearest able one
        await Api.RegisterDroneAsync(ops, ids[3], area.At(0, -6));                        // able, farther

        using var business = await Api.NewBusinessClientAsync(_cluster);
        var before = DateTimeOffset.UtcNow;
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(5, 0), weightKg: 3));
        var after = DateTimeOffset.UtcNow;

        Assert.Equal("Scheduled", Api.Stage(accepted));
        Assert.Equal(ids[2], accepted["droneId"]!.GetValue<string>());

        // 4 km to the pickup at 15 m/s, 2 minutes on the ground, then 5 km to the drop-off.
        var pickupEta = accepted["pickupEta"]!.GetValue<DateTimeOffset>();
        var deliveryEta = accepted["deliveryEta"]!.GetValue<DateTimeOffset>();
        AssertWithin(before + Flight(4), after + Flight(4), pickupEta);
        AssertWithin(pickupEta + TimeSpan.FromMinutes(2) + Flight(5), pickupEta + TimeSpan.FromMinutes(2) + Flight(5), deliveryEta);

        var deliveryId = accepted["deliveryId"]!.GetValue<string>();
        var delivery = await Api.GetAsync(business, $"/api/deliveries/{deliveryId}");
        Assert.Equal("Scheduled", Api.Stage(delivery));
        Assert.Equal(ids[2], delivery["droneId"]!.GetValue<string>());
        Assert.Equal(3, delivery["package"]!["weightKg"]!.GetValue<double>());

        var drone = await Api.GetAsync(ops, $"/api/drones/{ids[2]}");
        Assert.Equal("Assigned", drone["status"]!.GetValue<string>());
        Assert.Equal(deliveryId, drone["deliveryId"]!.GetValue<string>());
        foreach (var other in new[] { ids[0], ids[1], ids[3] })
        {
            Assert.Equal("Available", (await Api.GetAsync(ops, $"/api/drones/{other}"))["status"]!.GetValue<string>());
        }

        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{deliveryId}/milestones")).AsArray();
        Assert.Equal(["Requested", "Scheduled"], milestones.Select(m => m!["stage"]!.GetValue<string>()));

        var status = await Api.GetAsync(business, $"/api/deliveries/{deliveryId}/status");
        Assert.Equal(pickupEta, status["pickupEta"]!.GetValue<DateTimeOffset>());
        Assert.Equal(deliveryEta, status["deliveryEta"]!.GetValue<DateTimeOffset>());

        var package = await Api.GetAsync(business, $"/api/packages/{deliveryId}");
        Assert.Equal(deliveryId, package["deliveryId"]!.GetValue<string>());
        Assert.Equal("Small", package["size"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delivery_with_no_drone_free_waits_and_is_scheduled_by_itself_when_a_drone_registers_nearby()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(3, 3)));
        Assert.Equal("AwaitingDrone", Api.Stage(accepted));
        Assert.Null(accepted["droneId"]);
        var deliveryId = accepted["deliveryId"]!.GetValue<string>();

        // 20 km south is across the cell's edge: a drone of the neighbouring cell, still within reach.
        var droneId = DroneIds(1)[0];
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(-20, 0), rangeKm: 80);

        var status = await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{deliveryId}/status"),
            s => Api.Stage(s) == "Scheduled",
            TimeSpan.FromSeconds(30),
            "the waiting delivery to be scheduled");
        Assert.Equal(droneId, status["droneId"]!.GetValue<string>());
        Assert.NotNull(status["deliveryEta"]);

        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{deliveryId}/milestones")).AsArray();
        Assert.Equal(["Requested", "AwaitingDrone", "Scheduled"], milestones.Select(m => m!["stage"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_fifty_drones_schedule_exactly_fifty_and_no_drone_twice()
    {
        var area = TestArea.Next();
        var droneIds = DroneIds(50);
        using var ops = _cluster.CreateOperatorClient();
        await Task.WhenAll(droneIds.Select((id, i) => Api.RegisterDroneAsync(ops, id, area.At(i % 7, i / 7.0))));

        using var business = await Api.NewBusinessClientAsync(_cluster);
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Api.RequestDeliveryAsync(business, Api.Delivery(area.At(i % 10, i % 9), area.At(3, 3)))));

        var scheduled = responses.Where(r => Api.Stage(r) == "Scheduled").ToList();
        Assert.Equal(50, scheduled.Count);
        Assert.Equal(150, responses.Count(r => Api.Stage(r) == "AwaitingDrone"));
        var assignedDrones = scheduled.Select(r => r["droneId"]!.GetValue<string>()).ToList();
        Assert.Equal(50, assignedDrones.Distinct().Count());
        Assert.Subset(droneIds.ToHashSet(), assignedDrones.ToHashSet());

        // Each drone, asked itself, holds exactly the one delivery that was told it has that drone.
        var deliveryByDrone = scheduled.ToDictionary(r => r["droneId"]!.GetValue<string>(), r => r["deliveryId"]!.GetValue<string>());
        foreach (var id in droneIds)
        {
            var drone = await Api.GetAsync(ops, $"/api/drones/{id}");
            Assert.Equal("Assigned", drone["status"]!.GetValue<string>());
            Assert.Equal(deliveryByDrone[id], drone["deliveryId"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_fleet_list_pages_through_every_drone_once_and_filters_by_status()
    {
        var area = TestArea.Next();
        var droneIds = DroneIds(7);
        using var ops = _cluster.CreateOperatorClient();
        foreach (var (id, i) in droneIds.Select((id, i) => (id, i)))
        {
            await Api.RegisterDroneAsync(ops, id, area.At(i, 0));
        }

        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(1, 1)));
        var assigned = accepted["droneId"]!.GetValue<string>();

        var seen = new List<string>();
        string? token = null;
        do
        {
            var query = token is null ? "/api/drones?limit=3" : $"/api/drones?limit=3&continuationToken={Uri.EscapeDataString(token)}";
            var page = await Api.GetAsync(ops, query);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 3);
            seen.AddRange(items.Select(d => d!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), droneIds.ToHashSet());

        var assignedPage = await Api.GetAsync(ops, "/api/drones?status=Assigned&limit=500");
        var assignedIds = assignedPage["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToHashSet();
        Assert.Contains(assigned, assignedIds);
        Assert.DoesNotContain(droneIds.First(id => id != assigned), assignedIds);
    }

    [Fact]
    public async Task Updating_a_drone_answers_200_and_keeps_its_status()
    {
        var area = TestArea.Next();
        var id = DroneIds(1)[0];
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, id, area.At(0, 0));

        var response = await ops.PutAsJsonAsync($"/api/drones/{id}", new { model = "FD-500", maxPayloadKg = 8, cruiseSpeedMps = 20, rangeKm = 60, homeBase = area.At(0, 0) });
        var drone = await Api.ReadAsync(response, System.Net.HttpStatusCode.OK);
        Assert.Equal("FD-500", drone["model"]!.GetValue<string>());
        Assert.Equal(8, drone["maxPayloadKg"]!.GetValue<double>());
        Assert.Equal("Available", drone["status"]!.GetValue<string>());
    }

    private static List<string> DroneIds(int count)
    {
        var prefix = "drone-" + Guid.NewGuid().ToString("N")[..8];
        return [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D3}")];
    }

    private static TimeSpan Flight(double km) => TimeSpan.FromSeconds(km * 1000 / 15);

    /// <summary>Within the window the request ran in, widened by 1% of the flight for the map projection and 2 s for rounding.</summary>
    private static void AssertWithin(DateTimeOffset earliest, DateTimeOffset latest, DateTimeOffset actual)
    {
        var slack = TimeSpan.FromSeconds(2) + ((latest - DateTimeOffset.UtcNow).Duration() * 0.01);
        Assert.InRange(actual, earliest - slack, latest + slack);
    }
}
