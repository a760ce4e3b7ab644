using DroneDelivery.Simulator.Flight;
using DroneDelivery.Simulator.Gateway;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>
/// One drone of the fleet at run time: its flight, advanced by the fleet's clock, and the
/// missions its long-poll delivers, which arrive on another thread.
/// </summary>
public sealed class SimulatedDrone(string id, DroneState state)
{
    private readonly Lock _lock = new();
    private bool _registered;
    private long? _lastAdvance;
    private long? _lastFix;

    public string Id { get; } = id;

    public GeoPoint Home => state.Home;

    public FlightPhase Phase
    {
        get
        {
            lock (_lock)
            {
                return state.Phase;
            }
        }
    }

    /// <summary>The gateway knows the drone: from now on it flies, and its first fix goes out on the next tick.</summary>
    public void MarkRegistered()
    {
        lock (_lock)
        {
            _registered = true;
        }
    }

    public void Apply(MissionPlan? mission)
    {
        lock (_lock)
        {
            state.Apply(mission);
        }
    }

    /// <summary>
    /// Advances the flight to <paramref name="timestamp"/> and returns the fix to report, if one
    /// is due: always while flying, hovering or reaching a milestone, else every
    /// <paramref name="idleInterval"/> while parked.
    /// </summary>
    public OutgoingFix? Tick(long timestamp, DateTimeOffset now, TimeSpan idleInterval, TimeProvider time)
    {
        lock (_lock)
        {
            if (!_registered)
            {
                return null;
            }

            var elapsed = _lastAdvance is { } last ? time.GetElapsedTime(last, timestamp) : TimeSpan.Zero;
            _lastAdvance = timestamp;
            var wasParked = state.Phase == FlightPhase.Parked;
            var step = state.Advance(elapsed.TotalSeconds);
            var due = _lastFix is not { } lastFix
                || !wasParked
                || step.Phase != FlightPhase.Parked
                || time.GetElapsedTime(lastFix, timestamp) >= idleInterval;
            if (!due)
            {
                return null;
            }

            _lastFix = timestamp;
            return ToFix(step, now);
        }
    }

    private OutgoingFix ToFix(FlightStep step, DateTimeOffset now)
    {
        var fix = new TelemetryFixDto(
            Id,
            now,
            step.Position.Lat,
            step.Position.Lon,
            step.Position.Alt,
            step.SpeedMps,
            // Rounding can make 359.97 into 360; the wire wants [0, 360).
            Math.Round(step.HeadingDeg, 1) % 360,
            Math.Round(step.BatteryPct, 2),
            step.Event switch
            {
                FlightEvent.PickedUp => TelemetryEvent.PickedUp,
                FlightEvent.Delivered => TelemetryEvent.Delivered,
                _ => null,
            });

        PendingConfirmation? confirmation = null;
        if (step.Event == FlightEvent.Delivered && step.EventMission is { NeedsConfirmation: true } mission)
        {
            // A real drone would upload the capture somewhere first; the URI stands for that blob.
            var blob = new Uri($"https://example.invalid/confirmations/{Uri.EscapeDataString(mission.DeliveryId)}");
            confirmation = new PendingConfirmation(
                mission.DeliveryId,
                new ConfirmationRequest(mission.ConfirmationRequired!, blob, now, LocationDto.From(mission.Dropoff)));
        }

        return new OutgoingFix(fix, confirmation);
    }
}
