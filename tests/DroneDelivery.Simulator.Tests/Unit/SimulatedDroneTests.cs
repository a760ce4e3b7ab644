using DroneDelivery.Simulator.Fleet;
using DroneDelivery.Simulator.Flight;
using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class SimulatedDroneTests
{
    private static readonly GeoPoint Home = new(47.6062, -122.3321);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5) - (Tick / 2);
    private static readonly FlightProfile Profile = new() { TimeScale = 20 };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_unregistered_drone_reports_nothing()
    {
        var drone = new SimulatedDrone("sim-001", new DroneState(Home, Profile));
        Assert.Null(TickOnce(drone));
    }

    [Fact]
    public void The_first_fix_after_registering_is_at_home_with_a_full_battery()
    {
        var drone = new SimulatedDrone("sim-001", new DroneState(Home, Profile));
        drone.MarkRegistered();
        var now = _time.GetUtcNow();

        var fix = TickOnce(drone)!.Fix;

        Assert.Equal(new TelemetryFixDto("sim-001", now, Home.Lat, Home.Lon, 0, 0, 0, 100), fix);
    }

    [Fact]
    public void A_parked_drone_reports_every_idle_interval_and_a_flying_one_every_tick()
    {
        var drone = new SimulatedDrone("sim-001", new DroneState(Home, Profile));
        drone.MarkRegistered();
        var parked = Enumerable.Range(0, 11).Select(_ => TickOnce(drone) is not null).ToList();
        Assert.Equal([true, false, false, false, false, true, false, false, false, false, true], parked);

        drone.Apply(new MissionPlan("d1", GreatCircle.Destination(Home, 90, 10_000), Home));
        var flying = Enumerable.Range(0, 5).Select(_ => TickOnce(drone)).ToList();
        Assert.All(flying, fix => Assert.Equal(300, fix!.Fix.SpeedMps));
    }

    [Fact]
    public void The_delivered_fix_carries_the_confirmation_to_send_after_it()
    {
        var pickup = GreatCircle.Destination(Home, 90, 600);
        var dropoff = GreatCircle.Destination(pickup, 0, 600);
        var drone = new SimulatedDrone("sim-001", new DroneState(Home, Profile with { PickupDwellSeconds = 0 }));
        drone.MarkRegistered();
        drone.Apply(new MissionPlan("d-42", pickup, dropoff, "Voice"));

        var fixes = Enumerable.Range(0, 10).Select(_ => TickOnce(drone)!).ToList();

        Assert.Equal([TelemetryEvent.PickedUp, TelemetryEvent.Delivered], fixes.Where(f => f.Fix.Event is not null).Select(f => f.Fix.Event!.Value));
        var delivered = Assert.Single(fixes, f => f.Fix.Event == TelemetryEvent.Delivered);
        Assert.Equal(dropoff.Lat, delivered.Fix.Lat);
        Assert.Equal(dropoff.Lon, delivered.Fix.Lon);
        var confirmation = delivered.Confirmation!;
        Assert.Equal("d-42", confirmation.DeliveryId);
        Assert.Equal("Voice", confirmation.Request.Type);
        Assert.Equal(new Uri("https://example.invalid/confirmations/d-42"), confirmation.Request.BlobUri);
        Assert.Equal(delivered.Fix.At, confirmation.Request.At);
        Assert.Equal(LocationDto.From(dropoff), confirmation.Request.Location);
        Assert.All(fixes.Where(f => f != delivered), f => Assert.Null(f.Confirmation));
    }

    private OutgoingFix? TickOnce(SimulatedDrone drone)
    {
        var fix = drone.Tick(_time.GetTimestamp(), _time.GetUtcNow(), Idle, _time);
        _time.Advance(Tick);
        return fix;
    }
}
