using DroneDelivery.Simulator.Flight;
using DroneDelivery.Simulator.Tests.Fake;
using DroneDelivery.Simulator.Tests.Infrastructure;

namespace DroneDelivery.Simulator.Tests.EndToEnd;

/// <summary>
/// The simulator host, exactly as <c>Program</c> builds it, against a fake gateway on real HTTP:
/// two drones at 50x speed, one mission, a gateway outage, and the demo load.
/// </summary>
public sealed class SimulatorAgainstFakeGatewayTests
{
    private const double Speed = 50;
    private const double CruiseSpeedMps = 15;
    private const double ToleranceM = 1;

    private static readonly GeoPoint Seattle = new(47.6062, -122.3321);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Drones_register_report_and_fly_a_mission_through_the_public_api()
    {
        await using var gateway = await FakeGateway.StartAsync(telemetryOutages: 1);
        var links = Path.Combine(Path.GetTempPath(), $"tracking-links-{Guid.NewGuid():N}.txt");
        using var simulator = SimulatorApplication.Create(
        [
            $"--DroneDelivery:Simulator:GatewayUrl={gateway.Url}",
            $"--DroneDelivery:Simulator:ApiKey={FakeGateway.OperatorKey}",
            "--speed", "50",
            "--DroneDelivery:Simulator:DroneCount=2",
            "--DroneDelivery:Simulator:FixIntervalSeconds=0.2",
            "--DroneDelivery:Simulator:IdleFixIntervalSeconds=1",
            // 2 per simulated minute at 50x: one every 0.6 real seconds.
            "--DroneDelivery:Simulator:DemoDeliveriesPerMinute=2",
            $"--DroneDelivery:Simulator:DemoTrackingLinksFile={links}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await simulator.StartAsync();
        try
        {
            // Both drones register, with the spec and a home base in the area.
            await Eventually.Until(() => gateway.Registrations.Count == 2, Timeout, "both drones to register");
            var registrations = gateway.Registrations;
            Assert.Equal(["sim-001", "sim-002"], registrations.Keys.Order());
            Assert.All(registrations.Values, r =>
            {
                Assert.Equal(new WireDroneRegistration("FD-400 Sim", 5, 15, 40, r.HomeBase), r);
                Assert.InRange(GreatCircle.DistanceM(Seattle, Point(r.HomeBase)), 0, 6000.001);
            });
            var home = Point(registrations["sim-001"].HomeBase);
            var otherHome = Point(registrations["sim-002"].HomeBase);

            // Fixes arrive from both, despite the first post meeting a 503: first at home, full.
            await Eventually.Until(
                () => gateway.Fixes.Count(f => f.DroneId == "sim-001") >= 2 && gateway.Fixes.Count(f => f.DroneId == "sim-002") >= 2,
                Timeout,
                "fixes from both drones");
            Assert.Contains("503 POST /api/telemetry", gateway.Errors);
            foreach (var (id, at) in new[] { ("sim-001", home), ("sim-002", otherHome) })
            {
                var first = gateway.Fixes.First(f => f.DroneId == id);
                Assert.True(GreatCircle.DistanceM(Point(first), at) < ToleranceM, $"{id}'s first fix is not at its home base");
                Assert.Equal((0.0, 100.0, (WireDroneEvent?)null), (first.SpeedMps, first.BatteryPct, first.Event));
            }

            // A mission for sim-001: 1 km east to the pickup, 1 km north to the drop-off.
            var pickup = GreatCircle.Destination(home, 90, 1000);
            var dropoff = GreatCircle.Destination(pickup, 0, 1000);
            var fixesBefore = gateway.Fixes.Count;
            var now = DateTimeOffset.UtcNow;
            gateway.AssignMission("sim-001", new WireMission(
                "delivery-e2e-1", Wire(pickup), Wire(dropoff), 1.2, WireConfirmationType.Picture, null, now.AddMinutes(2), now.AddMinutes(6)));

            await Eventually.Until(
                () => gateway.Fixes.Skip(fixesBefore).SkipWhile(f => f.Event != WireDroneEvent.Delivered)
                    .Any(f => f.DroneId == "sim-001" && f.SpeedMps == 0 && GreatCircle.DistanceM(Point(f), home) < ToleranceM),
                Timeout,
                $"sim-001 to deliver and fly home; gateway errors: {string.Join(", ", gateway.Errors)}");

            var flight = gateway.Fixes.Skip(fixesBefore).Where(f => f.DroneId == "sim-001").ToList();
            var pickedUp = Assert.Single(flight, f => f.Event == WireDroneEvent.PickedUp);
            var delivered = Assert.Single(flight, f => f.Event == WireDroneEvent.Delivered);
            Assert.True(GreatCircle.DistanceM(Point(pickedUp), pickup) < ToleranceM, "PickedUp is not at the pickup");
            Assert.True(GreatCircle.DistanceM(Point(delivered), dropoff) < ToleranceM, "Delivered is not at the drop-off");
            Assert.True(flight.IndexOf(pickedUp) < flight.IndexOf(delivered));
            Assert.True(pickedUp.At < delivered.At);
            // In between it cruised at its real ground speed, heading north, draining its battery.
            var cruising = flight.SkipWhile(f => f != pickedUp).TakeWhile(f => f != delivered).Where(f => f.SpeedMps > 0).ToList();
            Assert.NotEmpty(cruising);
            Assert.All(cruising, f => Assert.Equal(CruiseSpeedMps * Speed, f.SpeedMps, precision: 6));
            Assert.All(cruising, f => Assert.InRange(Math.Min(f.HeadingDeg, 360 - f.HeadingDeg), 0, 0.5));
            Assert.All(flight, f => Assert.InRange(f.HeadingDeg, 0, 359.95));
            Assert.True(delivered.BatteryPct < pickedUp.BatteryPct);

            // The Picture confirmation followed the Delivered fix.
            await Eventually.Until(() => gateway.Confirmations.Count == 1, Timeout, "the confirmation");
            var (deliveryId, confirmation, fixesBeforeConfirmation) = gateway.Confirmations[0];
            Assert.Equal("delivery-e2e-1", deliveryId);
            Assert.Equal(WireConfirmationType.Picture, confirmation.Type);
            Assert.Equal(new Uri("https://example.invalid/confirmations/delivery-e2e-1"), confirmation.BlobUri);
            Assert.True(GreatCircle.DistanceM(Point(confirmation.Location), dropoff) < ToleranceM);
            Assert.True(fixesBeforeConfirmation > gateway.Fixes.ToList().IndexOf(delivered));

            // It is back home and parked; the other drone never left.
            var last = gateway.Fixes.Last(f => f.DroneId == "sim-001");
            Assert.True(GreatCircle.DistanceM(Point(last), home) < ToleranceM);
            Assert.Equal(0, last.SpeedMps);
            Assert.All(gateway.Fixes.Where(f => f.DroneId == "sim-002"), f => Assert.True(GreatCircle.DistanceM(Point(f), otherHome) < ToleranceM));

            // The demo business asked for deliveries in the area, each at least a kilometre long.
            await Eventually.Until(() => gateway.DeliveryRequests.Count >= 2, Timeout, "demo delivery requests");
            Assert.All(gateway.DeliveryRequests, d =>
            {
                Assert.InRange(GreatCircle.DistanceM(Seattle, Point(d.Pickup)), 0, 6000.001);
                Assert.InRange(GreatCircle.DistanceM(Seattle, Point(d.Dropoff)), 0, 6000.001);
                Assert.True(GreatCircle.DistanceM(Point(d.Pickup), Point(d.Dropoff)) >= 1000);
            });
            Assert.Equal(gateway.DeliveryRequests.Count, gateway.DeliveryRequests.Select(d => d.DeliveryId).Distinct().Count());

            // Their tracking links went to the links file, in order, for a developer to open.
            await Eventually.Until(() => File.Exists(links) && File.ReadAllLines(links).Length >= 2, Timeout, "two tracking links");
            var firstTwo = gateway.DeliveryRequests.Take(2).Select(d => $"http://fake/track/{d.DeliveryId}?t=token");
            Assert.Equal(firstTwo, File.ReadAllLines(links).Take(2));

            // Nothing else went wrong, and every request stayed within the gateway's limit.
            Assert.Equal(["503 POST /api/telemetry"], gateway.Errors);
            Assert.All(gateway.TelemetryRequestSizes, n => Assert.InRange(n, 1, 1000));
        }
        finally
        {
            await simulator.StopAsync();
            File.Delete(links);
        }
    }

    private static GeoPoint Point(WireLocation location) => new(location.Lat, location.Lon);

    private static GeoPoint Point(WireFix fix) => new(fix.Lat, fix.Lon);

    private static WireLocation Wire(GeoPoint point) => new(point.Lat, point.Lon, 0);
}
