using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class DroneStateTests
{
    private const double Metre = 1e-3;

    private static readonly GeoPoint Home = new(47.6062, -122.3321);
    private static readonly GeoPoint Pickup = GreatCircle.Destination(Home, 90, 3000);
    private static readonly GeoPoint Dropoff = GreatCircle.Destination(Pickup, 0, 2000);

    // 20x: 300 m per real second, and the 60 s pickup dwell takes 3 real seconds.
    private static readonly FlightProfile Profile = new()
    {
        CruiseSpeedMps = 15,
        RangeKm = 40,
        ChargePctPerMinute = 10,
        PickupDwellSeconds = 60,
        TimeScale = 20,
    };

    [Fact]
    public void A_new_drone_is_parked_at_home_with_a_full_battery()
    {
        var drone = new DroneState(Home, Profile);
        var step = drone.Advance(1);

        Assert.Equal(FlightPhase.Parked, step.Phase);
        Assert.Equal(Home, step.Position);
        Assert.Equal(0, step.SpeedMps);
        Assert.Equal(100, step.BatteryPct);
        Assert.Null(step.Event);
    }

    [Fact]
    public void Each_real_second_covers_cruise_speed_times_the_time_scale_and_reports_that_speed()
    {
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));

        var step = drone.Advance(1);

        Assert.Equal(FlightPhase.ToPickup, step.Phase);
        Assert.Equal(300, GreatCircle.DistanceM(Home, step.Position), precision: 6);
        Assert.Equal(2700, GreatCircle.DistanceM(step.Position, Pickup), precision: 6);
        Assert.Equal(300, step.SpeedMps);
        Assert.Equal(GreatCircle.InitialBearingDeg(Home, Pickup), step.HeadingDeg, precision: 9);
        Assert.Equal(Profile.CruiseAltitudeM, step.Position.Alt);

        // Half a second at 20x is 150 m more.
        step = drone.Advance(0.5);
        Assert.Equal(450, GreatCircle.DistanceM(Home, step.Position), precision: 6);
    }

    [Fact]
    public void Battery_drains_one_hundred_percent_per_range_flown()
    {
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", GreatCircle.Destination(Home, 0, 20_000), Dropoff));

        // 4 km of a 40 km range.
        var step = drone.Advance(4000.0 / 300);

        Assert.Equal(4000, GreatCircle.DistanceM(Home, step.Position), precision: 6);
        Assert.Equal(90, step.BatteryPct, precision: 9);
    }

    [Fact]
    public void Battery_never_goes_below_zero()
    {
        var drone = new DroneState(Home, Profile with { RangeKm = 1 });
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));

        var step = drone.Advance(5);

        Assert.Equal(0, step.BatteryPct);
    }

    [Fact]
    public void A_point_within_one_step_is_reached_exactly_not_overshot()
    {
        var near = GreatCircle.Destination(Home, 45, 250);
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", near, Dropoff));

        var step = drone.Advance(1);

        Assert.Equal(near, step.Position);
        Assert.Equal(FlightPhase.AtPickup, step.Phase);
        Assert.Equal(0, step.SpeedMps);
        // Only the 250 m actually flown count against the battery.
        Assert.Equal(100 - (0.25 / 40 * 100), step.BatteryPct, precision: 9);
    }

    [Fact]
    public void Parked_drones_charge_at_the_scaled_rate_up_to_full()
    {
        var drone = new DroneState(Home, Profile, batteryPct: 50);

        // 6 real seconds at 20x are 2 simulated minutes: 20%.
        Assert.Equal(70, drone.Advance(6).BatteryPct, precision: 9);
        // 30 more are 10 minutes: would be 170%.
        Assert.Equal(100, drone.Advance(30).BatteryPct);
    }

    [Fact]
    public void A_mission_goes_home_pickup_dwell_picked_up_dropoff_delivered_home()
    {
        var drone = new DroneState(Home, Profile);
        var mission = new MissionPlan("d1", Pickup, Dropoff, "Picture");
        drone.Apply(mission);

        var toPickup = FlyUntil(drone, s => s.Phase != FlightPhase.ToPickup);
        Assert.Equal(FlightPhase.AtPickup, toPickup[^1].Phase);
        Assert.Equal(Pickup, toPickup[^1].Position);
        Assert.All(toPickup.Take(toPickup.Count - 1), s => Assert.Equal(300, s.SpeedMps));
        Assert.All(toPickup, s => Assert.Null(s.Event));

        // Hovering: 60 simulated seconds are 3 real ones.
        var hover = drone.Advance(2.9);
        Assert.Equal(FlightPhase.AtPickup, hover.Phase);
        Assert.Equal(0, hover.SpeedMps);
        Assert.Null(hover.Event);
        var pickedUp = drone.Advance(0.2);
        Assert.Equal(FlightEvent.PickedUp, pickedUp.Event);
        Assert.Same(mission, pickedUp.EventMission);
        Assert.Equal(Pickup, pickedUp.Position);
        Assert.Equal(FlightPhase.ToDropoff, pickedUp.Phase);

        var toDropoff = FlyUntil(drone, s => s.Event is not null);
        var delivered = toDropoff[^1];
        Assert.Equal(FlightEvent.Delivered, delivered.Event);
        Assert.Same(mission, delivered.EventMission);
        Assert.True(delivered.EventMission!.NeedsConfirmation);
        Assert.Equal(Dropoff, delivered.Position);
        Assert.Equal(FlightPhase.ReturningHome, delivered.Phase);
        Assert.Null(drone.Mission);

        var home = FlyUntil(drone, s => s.Phase == FlightPhase.Parked);
        Assert.Equal(Home, home[^1].Position);
        Assert.Equal(0, home[^1].SpeedMps);

        // Home, pickup, drop-off and back: the battery paid for every metre.
        var flownKm = (GreatCircle.DistanceM(Home, Pickup) + GreatCircle.DistanceM(Pickup, Dropoff) + GreatCircle.DistanceM(Dropoff, Home)) / 1000;
        Assert.Equal(100 - (flownKm / 40 * 100), home[^1].BatteryPct, precision: 6);
    }

    [Fact]
    public void A_mission_cancelled_in_flight_sends_the_drone_home()
    {
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));
        var away = drone.Advance(5).Position;

        drone.Apply(null);

        Assert.Equal(FlightPhase.ReturningHome, drone.Phase);
        Assert.Null(drone.Mission);
        var step = drone.Advance(1);
        Assert.Equal(GreatCircle.InitialBearingDeg(away, Home), step.HeadingDeg, precision: 9);
        var back = FlyUntil(drone, s => s.Phase == FlightPhase.Parked);
        Assert.Equal(Home, back[^1].Position);
        Assert.DoesNotContain(back, s => s.Event is not null);
    }

    [Fact]
    public void A_mission_cancelled_while_hovering_at_the_pickup_sends_the_drone_home()
    {
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));
        FlyUntil(drone, s => s.Phase == FlightPhase.AtPickup);

        drone.Apply(null);

        var back = FlyUntil(drone, s => s.Phase == FlightPhase.Parked);
        Assert.Equal(Home, back[^1].Position);
        Assert.DoesNotContain(back, s => s.Event is not null);
    }

    [Fact]
    public void Another_delivery_in_flight_replaces_the_cancelled_one()
    {
        var otherPickup = GreatCircle.Destination(Home, 200, 2000);
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));
        drone.Advance(3);

        drone.Apply(new MissionPlan("d2", otherPickup, Dropoff));

        Assert.Equal("d2", drone.Mission!.DeliveryId);
        Assert.Equal(otherPickup, drone.Target);
        var steps = FlyUntil(drone, s => s.Phase != FlightPhase.ToPickup);
        Assert.Equal(otherPickup, steps[^1].Position);
    }

    [Fact]
    public void A_moved_pickup_is_followed_before_the_package_is_on_board()
    {
        var movedPickup = GreatCircle.Destination(Pickup, 0, 500);
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));
        drone.Advance(2);

        drone.Apply(new MissionPlan("d1", movedPickup, Dropoff));

        Assert.Equal(FlightPhase.ToPickup, drone.Phase);
        var steps = FlyUntil(drone, s => s.Phase != FlightPhase.ToPickup);
        Assert.Equal(movedPickup, steps[^1].Position);
    }

    [Fact]
    public void A_pickup_moved_while_hovering_makes_the_drone_fly_on_to_it()
    {
        var movedPickup = GreatCircle.Destination(Pickup, 0, 500);
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));
        FlyUntil(drone, s => s.Phase == FlightPhase.AtPickup);

        drone.Apply(new MissionPlan("d1", movedPickup, Dropoff));

        Assert.Equal(FlightPhase.ToPickup, drone.Phase);
        var steps = FlyUntil(drone, s => s.Event == FlightEvent.PickedUp);
        Assert.Equal(movedPickup, steps[^1].Position);
    }

    [Fact]
    public void After_pickup_a_moved_dropoff_is_followed_and_a_moved_pickup_ignored()
    {
        var movedDropoff = GreatCircle.Destination(Dropoff, 90, 700);
        var drone = new DroneState(Home, Profile);
        drone.Apply(new MissionPlan("d1", Pickup, Dropoff));
        FlyUntil(drone, s => s.Event == FlightEvent.PickedUp);

        drone.Apply(new MissionPlan("d1", Home, movedDropoff));

        Assert.Equal(FlightPhase.ToDropoff, drone.Phase);
        var steps = FlyUntil(drone, s => s.Event is not null);
        Assert.Equal(FlightEvent.Delivered, steps[^1].Event);
        Assert.Equal(movedDropoff, steps[^1].Position);
    }

    [Fact]
    public void A_delivered_mission_handed_back_again_is_not_flown_twice()
    {
        var mission = new MissionPlan("d1", Pickup, Dropoff);
        var drone = new DroneState(Home, Profile);
        drone.Apply(mission);
        FlyUntil(drone, s => s.Event == FlightEvent.Delivered);

        // The backend had not seen the Delivered fix yet when it answered the long-poll.
        drone.Apply(mission);

        Assert.Equal(FlightPhase.ReturningHome, drone.Phase);
        Assert.Null(drone.Mission);
    }

    [Fact]
    public void A_delivery_assigned_anew_after_the_drone_flew_it_is_flown_again()
    {
        var first = new MissionPlan("d1", Pickup, Dropoff, PickupEta: DateTimeOffset.UnixEpoch.AddMinutes(5));
        var drone = new DroneState(Home, Profile);
        drone.Apply(first);
        FlyUntil(drone, s => s.Event == FlightEvent.Delivered);

        // The backend let the drone go before its fixes told of the flight, then gave it the
        // delivery again: a new assignment, planned afresh.
        var again = first with { PickupEta = DateTimeOffset.UnixEpoch.AddMinutes(9) };
        drone.Apply(again);

        Assert.Equal(FlightPhase.ToPickup, drone.Phase);
        Assert.Equal(again, drone.Mission);
        var events = FlyUntil(drone, s => s.Event == FlightEvent.Delivered).Where(s => s.Event is not null).ToList();
        Assert.Equal<FlightEvent?>([FlightEvent.PickedUp, FlightEvent.Delivered], events.Select(s => s.Event));
        Assert.Equal(again, events[^1].EventMission);
    }

    [Fact]
    public void No_confirmation_is_needed_for_None_or_nothing()
    {
        Assert.False(new MissionPlan("d1", Pickup, Dropoff).NeedsConfirmation);
        Assert.False(new MissionPlan("d1", Pickup, Dropoff, "None").NeedsConfirmation);
        Assert.True(new MissionPlan("d1", Pickup, Dropoff, "FingerPrint").NeedsConfirmation);
    }

    /// <summary>Advances in steps of a quarter real second until <paramref name="done"/> holds for a step; returns every step.</summary>
    private static List<FlightStep> FlyUntil(DroneState drone, Func<FlightStep, bool> done)
    {
        var steps = new List<FlightStep>();
        for (var i = 0; i < 10_000; i++)
        {
            var step = drone.Advance(0.25);
            steps.Add(step);
            if (done(step))
            {
                return steps;
            }
        }

        throw new InvalidOperationException($"Still {drone.Phase} at {drone.Position} after {steps.Count} steps.");
    }
}
