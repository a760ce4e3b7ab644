using System.Globalization;
using System.Text.Json.Nodes;
using DroneDelivery.Simulator;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace DroneDelivery.Tests.Integration;

/// <summary>The simulator flies real missions through the gateway, at 20 times real speed, against the cluster on Azurite.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SimulatorEndToEndTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_simulated_drone_carries_a_delivery_through_every_stage_on_time_and_ends_available_at_home()
    {
        var area = TestArea.Next();
        var prefix = "e2e" + Guid.NewGuid().ToString("N")[..8];
        using var simulator = SimulatorApplication.Create(
        [
            $"--DroneDelivery:Simulator:GatewayUrl={_cluster.GatewayAddress}",
            $"--DroneDelivery:Simulator:ApiKey={DroneDeliveryCluster.OperatorKey}",
            $"--DroneDelivery:Simulator:DroneIdPrefix={prefix}",
            "--DroneDelivery:Simulator:DroneCount=1",
            string.Create(CultureInfo.InvariantCulture, $"--DroneDelivery:Simulator:CenterLat={area.Lat}"),
            string.Create(CultureInfo.InvariantCulture, $"--DroneDelivery:Simulator:CenterLon={area.Lon}"),
            "--DroneDelivery:Simulator:RadiusKm=1",
            "--DroneDelivery:Simulator:ChargePctPerMinute=100",
            "--DroneDelivery:Simulator:FixIntervalSeconds=0.25",
            "--DroneDelivery:Simulator:IdleFixIntervalSeconds=0.5",
            "--DroneDelivery:Simulator:PickupDwellSeconds=20",
            "--Logging:LogLevel:Default=Warning",
            "--speed", "20",
        ]);
        await simulator.StartAsync();
        try
        {
            using var ops = _cluster.CreateOperatorClient();
            var droneId = $"{prefix}-001";
            var drone = await Eventually.Until(
                async () => (await ops.GetAsync(new Uri($"/api/drones/{droneId}", UriKind.Relative))).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30),
                "the simulator to register its drone")
                .ContinueWith(_ => Api.GetAsync(ops, $"/api/drones/{droneId}")).Unwrap();

            using var business = await Api.NewBusinessClientAsync(_cluster);
            // Out 6 km north, 12 km south to the drop-off, 6 km home: about 80 seconds at 20 times speed.
            // The 40-second last leg keeps a late simulator tick on a busy machine (up to a second)
            // well inside "a few percent" of it.
            var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(6, 0), area.At(-6, 0)));
            Assert.Equal(droneId, accepted["droneId"]!.GetValue<string>());
            var id = accepted["deliveryId"]!.GetValue<string>();

            // Watch the delivery as a customer would, until it is delivered.
            var samples = new List<(DateTimeOffset Seen, JsonNode Status)>();
            await Eventually.Until(
                async () =>
                {
                    var status = await Api.GetAsync(business, $"/api/deliveries/{id}/status");
                    samples.Add((DateTimeOffset.UtcNow, status));
                    return Api.Stage(status) == "Delivered";
                },
                TimeSpan.FromSeconds(180),
                "the simulated drone to deliver");

            var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray();
            Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], milestones.Select(m => m!["stage"]!.GetValue<string>()));
            var at = milestones.ToDictionary(m => m!["stage"]!.GetValue<string>(), m => m!["at"]!.GetValue<DateTimeOffset>());
            Assert.Equal(at.Values.Order(), at.Values);

            // Time left shrinks as the drone approaches the drop-off...
            var leg = samples
                .Where(s => Api.Stage(s.Status) == "HeadedToDropoff" && s.Status["deliveryEta"] is not null)
                .Select(s => (s.Seen, Eta: s.Status["deliveryEta"]!.GetValue<DateTimeOffset>()))
                .ToList();
            Assert.True(leg.Count >= 3, $"Expected several looks at the drone on its way to the drop-off, got {leg.Count}.");
            var remaining = leg.Select(s => s.Eta - s.Seen).ToList();
            Assert.True(remaining[^1] < remaining[0], "The time left must shrink as the drone approaches.");

            // ...and the last ETA promised is within a few percent of the actual arrival.
            var legDuration = at["Delivered"] - at["HeadedToDropoff"];
            var error = (leg[^1].Eta - at["Delivered"]).Duration();
            Assert.True(error <= legDuration * 0.05, $"Final ETA {leg[^1].Eta:O} vs arrival {at["Delivered"]:O}: off by {error} on a {legDuration} leg.");

            // Home again, charged, and back in service.
            var home = drone["homeBase"]!;
            var parked = await Eventually.Until(
                () => Api.GetAsync(ops, $"/api/drones/{droneId}"),
                d => d["status"]!.GetValue<string>() == "Available",
                TimeSpan.FromSeconds(60),
                "the drone to be home and charged");
            Assert.Equal(home["lat"]!.GetValue<double>(), parked["position"]!["lat"]!.GetValue<double>(), precision: 5);
            Assert.Equal(home["lon"]!.GetValue<double>(), parked["position"]!["lon"]!.GetValue<double>(), precision: 5);
            Assert.Null(parked["deliveryId"]);
        }
        finally
        {
            await simulator.StopAsync();
        }
    }
}
