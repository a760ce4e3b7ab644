namespace DroneDelivery.Simulator.Flight;

/// <summary>
/// One drone's flight, advanced a step of real time at a time: parked and charging at home, or
/// flying a mission (home, pickup, hover, drop-off, home) along great circles at cruise speed.
/// Pure and single-threaded; the caller serializes access.
/// </summary>
public sealed class DroneState
{
    private readonly FlightProfile _profile;
    private double _dwellRemainingSeconds;
    private MissionPlan? _lastDelivered;

    public DroneState(GeoPoint home, FlightProfile profile, double batteryPct = 100)
    {
        Home = home;
        _profile = profile;
        Position = home;
        BatteryPct = Math.Clamp(batteryPct, 0, 100);
    }

    public GeoPoint Home { get; }

    public GeoPoint Position { get; private set; }

    public double BatteryPct { get; private set; }

    public double HeadingDeg { get; private set; }

    public FlightPhase Phase { get; private set; } = FlightPhase.Parked;

    /// <summary>The mission being flown; null when parked or returning home.</summary>
    public MissionPlan? Mission { get; private set; }

    /// <summary>Where the drone is flying to, or null when it is parked or hovering.</summary>
    public GeoPoint? Target => Phase switch
    {
        FlightPhase.ToPickup => Mission!.Pickup,
        FlightPhase.ToDropoff => Mission!.Dropoff,
        FlightPhase.ReturningHome => Home,
        _ => null,
    };

    /// <summary>
    /// Takes the mission the backend currently holds for this drone. Null, or another delivery,
    /// means the one being flown was cancelled: the drone turns home, or to the new pickup. The
    /// same delivery with moved points re-targets it; the pickup only until the package is on board.
    /// </summary>
    public void Apply(MissionPlan? mission)
    {
        if (mission is null)
        {
            if (Mission is not null)
            {
                Mission = null;
                Phase = FlightPhase.ReturningHome;
            }

            return;
        }

        // The backend may hand back a mission this drone just finished before it has seen the
        // Delivered fix; flying it again would deliver twice. A new assignment of that delivery
        // (the backend let the drone go before its fixes told of the flight) is planned afresh,
        // with a pickup ETA of its own, and is flown.
        if (_lastDelivered is { } delivered && delivered.DeliveryId == mission.DeliveryId && delivered.PickupEta == mission.PickupEta)
        {
            return;
        }

        if (Mission is not null && Mission.DeliveryId == mission.DeliveryId)
        {
            var pickupMoved = mission.Pickup != Mission.Pickup;
            Mission = mission;
            if (pickupMoved && Phase == FlightPhase.AtPickup)
            {
                Phase = FlightPhase.ToPickup;
            }

            return;
        }

        Mission = mission;
        Phase = FlightPhase.ToPickup;
        _dwellRemainingSeconds = 0;
    }

    /// <summary>Advances the drone by <paramref name="realSeconds"/> of real time, i.e. that times the time scale of simulated time.</summary>
    public FlightStep Advance(double realSeconds)
    {
        var simSeconds = Math.Max(0, realSeconds) * _profile.TimeScale;
        switch (Phase)
        {
            case FlightPhase.Parked:
                BatteryPct = Math.Min(100, BatteryPct + (_profile.ChargePctPerMinute * simSeconds / 60));
                return Step(0);

            case FlightPhase.AtPickup:
                _dwellRemainingSeconds -= simSeconds;
                if (_dwellRemainingSeconds > 0)
                {
                    return Step(0);
                }

                Phase = FlightPhase.ToDropoff;
                return Step(0, FlightEvent.PickedUp, Mission);

            default:
                return Fly(simSeconds);
        }
    }

    private FlightStep Fly(double simSeconds)
    {
        var target = Target!.Value;
        var budgetM = _profile.CruiseSpeedMps * simSeconds;
        var remainingM = GreatCircle.DistanceM(Position, target);
        if (remainingM > 0)
        {
            HeadingDeg = GreatCircle.InitialBearingDeg(Position, target);
        }

        if (remainingM <= budgetM)
        {
            // Within this step's reach: snap onto the point rather than overshoot it.
            Position = target;
            Drain(remainingM);
            return Arrive();
        }

        Position = GreatCircle.Interpolate(Position, target, budgetM / remainingM) with { Alt = _profile.CruiseAltitudeM };
        Drain(budgetM);
        return Step(_profile.ReportedCruiseSpeedMps);
    }

    private FlightStep Arrive()
    {
        switch (Phase)
        {
            case FlightPhase.ToPickup:
                Phase = FlightPhase.AtPickup;
                _dwellRemainingSeconds = _profile.PickupDwellSeconds;
                return Step(0);

            case FlightPhase.ToDropoff:
                var delivered = Mission;
                _lastDelivered = delivered;
                Mission = null;
                Phase = FlightPhase.ReturningHome;
                return Step(0, FlightEvent.Delivered, delivered);

            default:
                Phase = FlightPhase.Parked;
                return Step(0);
        }
    }

    private void Drain(double metres) => BatteryPct = Math.Max(0, BatteryPct - (metres / 1000 / _profile.RangeKm * 100));

    private FlightStep Step(double speedMps, FlightEvent? flightEvent = null, MissionPlan? mission = null) =>
        new(Position, speedMps, HeadingDeg, BatteryPct, Phase, flightEvent, mission);
}
