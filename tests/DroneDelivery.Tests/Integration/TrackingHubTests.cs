using System.Net.Http.Json;
using System.Text.Json;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.Tests.Integration;

/// <summary>Customers' live tracking over real SignalR connections to real gateways of one cluster, with no backplane.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TrackingHubTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Two_customers_on_two_gateways_see_the_same_drone_move_and_a_watcher_of_another_delivery_sees_none_of_it()
    {
        var flight = await Flight.StartAsync(_cluster);
        var other = await Flight.StartAsync(_cluster);
        var second = await _cluster.StartGatewayAsync();
        try
        {
            await using var first = await TrackingClient.ConnectAsync(_cluster.GatewayAddress);
            await using var onSecond = await TrackingClient.ConnectAsync(second);
            await using var watcherOfOther = await TrackingClient.ConnectAsync(second);

            var snapshot = await first.TrackAsync(flight.Id, flight.Token);
            Assert.Equal(flight.Pickup.Lat, snapshot.GetProperty("pickup").GetProperty("lat").GetDouble());
            Assert.Equal(flight.Dropoff.Lon, snapshot.GetProperty("dropoff").GetProperty("lon").GetDouble());
            Assert.Equal("Scheduled", snapshot.GetProperty("status").GetProperty("stage").GetString());
            await onSecond.TrackAsync(flight.Id, flight.Token);
            await watcherOfOther.TrackAsync(other.Id, other.Token);

            foreach (var (point, droneEvent) in flight.Route())
            {
                await flight.Pilot.ReportAsync(point, droneEvent: droneEvent);
                foreach (var client in new[] { first, onSecond })
                {
                    var position = await client.PositionAsync(p => p.GetProperty("lat").GetDouble() == point.Lat, $"the drone at {point}");
                    Assert.Equal(flight.Id, position.GetProperty("deliveryId").GetString());
                    Assert.Equal(flight.Pilot.DroneId, position.GetProperty("droneId").GetString());
                    Assert.Equal(point.Lon, position.GetProperty("lon").GetDouble());
                }
            }

            foreach (var client in new[] { first, onSecond })
            {
                var delivered = await client.StageAsync("Delivered");
                Assert.Equal(flight.Id, delivered.GetProperty("deliveryId").GetString());
                await client.StageAsync("HeadedToDropoff");
            }

            // The other delivery's drone has not flown: its watcher got that delivery's state and nothing else.
            await other.Pilot.ReportAsync(other.Area.At(0.2, 0));
            await watcherOfOther.PositionAsync(p => p.GetProperty("lat").GetDouble() == other.Area.At(0.2, 0).Lat, "the other drone");
            Assert.All(watcherOfOther.Positions.Concat(watcherOfOther.Statuses), m => Assert.Equal(other.Id, m.GetProperty("deliveryId").GetString()));
            Assert.All(first.Positions.Concat(onSecond.Positions), m => Assert.Equal(flight.Id, m.GetProperty("deliveryId").GetString()));
        }
        finally
        {
            await _cluster.StopGatewayAsync(second);
        }
    }

    [Fact]
    public async Task A_wrong_token_or_an_unknown_delivery_is_refused_with_a_HubException_and_receives_nothing()
    {
        var flight = await Flight.StartAsync(_cluster);
        var other = await Flight.StartAsync(_cluster);
        await using var intruder = await TrackingClient.ConnectAsync(_cluster.GatewayAddress);
        await using var customer = await TrackingClient.ConnectAsync(_cluster.GatewayAddress);

        var wrongToken = await Assert.ThrowsAsync<HubException>(() => intruder.TrackAsync(flight.Id, flight.Token[..^2] + "xx"));
        Assert.Contains("No delivery matches", wrongToken.Message);
        await Assert.ThrowsAsync<HubException>(() => intruder.TrackAsync(flight.Id, other.Token));
        var unknown = await Assert.ThrowsAsync<HubException>(() => intruder.TrackAsync($"dlv-{Guid.NewGuid():N}", flight.Token));
        Assert.Equal(wrongToken.Message, unknown.Message);
        await Assert.ThrowsAsync<HubException>(() => intruder.TrackAsync("../../etc/passwd", flight.Token));
        await Assert.ThrowsAsync<HubException>(() => intruder.TrackAsync(flight.Id, new string('a', 5000)));

        await customer.TrackAsync(flight.Id, flight.Token);
        var point = flight.Area.At(0.3, 0);
        await flight.Pilot.ReportAsync(point);
        await customer.PositionAsync(p => p.GetProperty("lat").GetDouble() == point.Lat, "the customer's position");
        await customer.StageAsync("HeadedToPickup");

        Assert.Empty(intruder.Positions);
        Assert.Empty(intruder.Statuses);
    }

    [Fact]
    public async Task A_customer_who_joins_mid_flight_gets_position_stage_and_ETA_at_once_and_resumes_after_the_gateway_restarts()
    {
        var flight = await Flight.StartAsync(_cluster);
        var midway = flight.Area.At(1, 0);
        await flight.Pilot.ReportAsync(flight.Area.At(0.5, 0));
        await flight.Pilot.ReportAsync(midway);

        var port = FreePort.Next();
        var gateway = await _cluster.StartGatewayAsync(port);
        await using var late = await TrackingClient.ConnectAsync(gateway, automaticReconnect: true);
        var snapshot = await late.TrackAsync(flight.Id, flight.Token);
        Assert.Equal("HeadedToPickup", snapshot.GetProperty("status").GetProperty("stage").GetString());
        Assert.True(snapshot.GetProperty("status").GetProperty("deliveryEta").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(midway.Lat, snapshot.GetProperty("position").GetProperty("lat").GetDouble());
        Assert.Contains(snapshot.GetProperty("milestones").EnumerateArray(), m => m.GetProperty("stage").GetString() == "HeadedToPickup");

        // The same at once as messages, with no new fix.
        await late.PositionAsync(p => p.GetProperty("lat").GetDouble() == midway.Lat, "the current position");
        await late.StageAsync("HeadedToPickup");

        // The gateway goes away and a new one takes its address: the client reconnects, watches again, and the drone moves on.
        await _cluster.StopGatewayAsync(gateway);
        var replacement = await _cluster.StartGatewayAsync(port);
        try
        {
            await Eventually.Until(
                () => Task.FromResult(late.Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected),
                TimeSpan.FromSeconds(30),
                "the client to reconnect");
            var next = flight.Area.At(2, 0);
            await flight.Pilot.ReportAsync(next);
            await late.PositionAsync(p => p.GetProperty("lat").GetDouble() == next.Lat, "the position after reconnecting");
        }
        finally
        {
            await _cluster.StopGatewayAsync(replacement);
        }
    }

    [Fact]
    public async Task Fixes_faster_than_the_client_rate_are_coalesced_to_the_latest()
    {
        var flight = await Flight.StartAsync(_cluster);
        await using var customer = await TrackingClient.ConnectAsync(_cluster.GatewayAddress);
        await customer.TrackAsync(flight.Id, flight.Token);

        // Forty fixes in one batch, each a few metres further on: far faster than 4 messages a second.
        var start = DateTimeOffset.UtcNow;
        var fixes = Enumerable.Range(1, 40).Select(i => flight.Area.At(0.01 * i, 0)).ToList();
        using var channel = _cluster.CreateClient(DroneDeliveryCluster.DroneKey);
        var response = await channel.PostAsJsonAsync("/api/telemetry", fixes.Select((p, i) => new
        {
            droneId = flight.Pilot.DroneId,
            at = start.AddMilliseconds(10 * i),
            lat = p.Lat,
            lon = p.Lon,
            alt = 100.0,
            speedMps = 15.0,
            headingDeg = 0.0,
            batteryPct = 80.0,
        }));
        response.EnsureSuccessStatusCode();

        await customer.PositionAsync(p => p.GetProperty("lat").GetDouble() == fixes[^1].Lat, "the last fix");
        var positions = customer.Positions;
        Assert.True(positions.Count < fixes.Count / 2, $"{positions.Count} position messages for {fixes.Count} fixes: not coalesced.");
        var times = positions.Select(p => p.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
    }

    /// <summary>A scheduled delivery with its own drone, business and place.</summary>
    private sealed record Flight(TestArea Area, DronePilot Pilot, string Id, string Token, GeoPoint Pickup, GeoPoint Dropoff)
    {
        public static async Task<Flight> StartAsync(DroneDeliveryCluster cluster)
        {
            var area = TestArea.Next();
            var droneId = $"track-{Guid.NewGuid():N}";
            using var ops = cluster.CreateOperatorClient();
            await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
            using var business = await Api.NewBusinessClientAsync(cluster);
            var (pickup, dropoff) = (area.At(2, 0), area.At(4, 0));
            var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(pickup, dropoff));
            Assert.Equal("Scheduled", Api.Stage(accepted));
            return new Flight(
                area, new DronePilot(cluster.CreateOperatorClient(), droneId),
                accepted["deliveryId"]!.GetValue<string>(), accepted["trackingToken"]!.GetValue<string>(), pickup, dropoff);
        }

        /// <summary>Take-off, pickup, half way, drop-off.</summary>
        public IEnumerable<(GeoPoint Point, string? Event)> Route() =>
            [(Area.At(1, 0), null), (Pickup, "PickedUp"), (Area.At(3, 0), null), (Dropoff, null)];
    }
}
