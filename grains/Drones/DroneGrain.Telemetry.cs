using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.Scheduling;
using Orleans.Streams;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The telemetry side of a drone: its stream moves it through its phases (took off, picked up,
/// at the drop-off, home, charged) and feeds its delivery position and ETAs.
/// Position and battery stay in memory between status changes and are written by a timer.
/// </summary>
/// <remarks>
/// A stream item is a <see cref="TelemetryBatch"/>: many fixes of the drone (a request's run of
/// positions). They are taken in fix by fix, in one turn: distance, phases and the stale-fix rule
/// apply to each. The delivery hears of every change of phase as it happens, but of positions
/// only once per item, the last; the fleet feed likewise once per item. A position only ever supersedes the one before.
/// </remarks>
public sealed partial class DroneGrain
{
    private bool _positionDirty;

    // Runs only while a position waits to be stored: a fleet of idle drones holds no timers.
    private IGrainTimer? _persistTimer;
    private readonly KeptGrainReference<IDeliveryGrain> _delivery = new();
    private bool _wasAtPickup;

    // The last fix showed the drone standing at its base in the middle of a mission.
    private bool _parkedAtBase;

    // The newest position of the fixes being taken in, for the delivery once they all are.
    private (IDeliveryGrain Delivery, DroneProgress Progress)? _unsentPosition;

    private async Task SubscribeToTelemetryAsync()
    {
        var stream = this.GetStreamProvider(TelemetryStreams.ProviderName)
            .GetStream<TelemetryBatch>(StreamId.Create(TelemetryStreams.Namespace, Id));

        // All fixes of a stream item are one event, so they arrive in one call, in one turn.
        await stream.SubscribeAsync((batch, _) => OnFixesAsync(batch.ReadSamples()));
    }

    public Task ReportEventAsync(TelemetryFix fix) => OnFixesAsync([fix.Sample]);

    public Task ReportFixesAsync(TelemetryFix[] fixes) => OnFixesAsync(Array.ConvertAll(fixes, fix => fix.Sample));

    private async Task OnFixesAsync(TelemetrySample[] fixes)
    {
        _unsentPosition = null;
        var taken = 0;
        foreach (var fix in fixes)
        {
            if (await TakeInAsync(fix))
            {
                taken++;
            }
        }

        if (taken == 0)
        {
            return;
        }

        // Taken in oldest first, so the last one taken is the newest: how far behind the drone's stream runs.
        metrics.FixesTakenIn(taken, time.GetUtcNow() - state.State.LastFixAt!.Value);
        if (_unsentPosition is var (delivery, progress))
        {
            _unsentPosition = null;
            delivery.OnDroneProgressAsync(progress).Ignore();
        }

        ReportToFleetFeed(statusChanged: false);
    }

    /// <summary>Takes in one fix; false if it says nothing new.</summary>
    private async Task<bool> TakeInAsync(TelemetrySample fix)
    {
        // Fixes can arrive late or twice; only a newer one says anything new.
        if (!InFleet || fix.At <= state.State.LastFixAt)
        {
            return false;
        }

        if (state.State.Mission is not null)
        {
            // Counted here, in fix order: the delivery hears of it one-way, and not always in order.
            state.State.MissionDistanceKm = state.State.MissionDistanceKm is { } km
                ? km + GeoMath.DistanceKm(state.State.Position!, fix.Location)
                : 0;
        }

        state.State.LastFixAt = fix.At;
        state.State.Position = fix.Location;
        state.State.BatteryPct = Math.Clamp(fix.BatteryPct, 0, 100);
        MarkPositionDirty();
        _headingDeg = fix.HeadingDeg;

        // A drone standing at its base says nothing of the mission it flew out for: its silence
        // about that mission runs on, and the supervisor ends the mission when it has lasted.
        _parkedAtBase = ParkedAtBaseMidMission(fix);
        if (!_parkedAtBase)
        {
            _lastSignOfLife = time.GetUtcNow();
        }

        if (state.State.Mission is { } mission)
        {
            await FollowMissionAsync(fix, mission);
        }
        else
        {
            await FollowHomecomingAsync(fix);
        }

        return true;
    }

    private async Task FollowMissionAsync(TelemetrySample fix, Mission mission)
    {
        var settings = flight.Value;
        if (fix.Event == DroneEvent.Fault)
        {
            await AbortMissionAsync(fix, mission, "The drone reported a fault.", DroneStatus.Maintenance);
            return;
        }

        if (fix.BatteryPct < settings.ReserveBatteryPct)
        {
            await AbortMissionAsync(fix, mission, $"The drone's battery fell below the safe reserve of {settings.ReserveBatteryPct}%.", DroneStatus.Returning);
            return;
        }

        var neverSeenFlying = state.State.Status == DroneStatus.Assigned;
        var missedPickup = MissedPickup(fix, mission);
        var kind = DroneProgressKind.Position;
        switch (state.State.Status)
        {
            case DroneStatus.Assigned when fix.Event == DroneEvent.PickedUp:
            case DroneStatus.HeadedToPickup when fix.Event == DroneEvent.PickedUp || LeftPickup(mission):
                state.State.Status = DroneStatus.HeadedToDropoff;
                kind = DroneProgressKind.PickedUp;
                break;
            case DroneStatus.Assigned when !IsHome():
                state.State.Status = DroneStatus.HeadedToPickup;
                kind = DroneProgressKind.TookOff;
                break;
            case DroneStatus.HeadedToDropoff when !state.State.AwaitingConfirmation
                && (fix.Event == DroneEvent.Delivered || Within(mission.Dropoff, settings.GeofenceMeters)):
                kind = DroneProgressKind.ArrivedAtDropoff;
                if (mission.ConfirmationRequired == ConfirmationType.None)
                {
                    EndMission(DroneStatus.Returning);
                }
                else
                {
                    state.State.AwaitingConfirmation = true;
                }

                break;
        }

        var pickedUp = state.State.Status is DroneStatus.HeadedToDropoff or DroneStatus.Returning or DroneStatus.Charging or DroneStatus.Available;
        var speed = fix.SpeedMps >= settings.MinimumEtaSpeedMps ? fix.SpeedMps : state.State.Spec!.CruiseSpeedMps;
        var (pickupEta, deliveryEta) = TripPlanner.Remaining(fix.Location, mission, pickedUp, speed, fix.At, scheduling.Value.PickupDwell);
        if (kind == DroneProgressKind.ArrivedAtDropoff)
        {
            (pickupEta, deliveryEta) = (null, fix.At);
        }

        var progress = new DroneProgress(Id, kind, fix.At, fix.Location, pickupEta, deliveryEta, HeadingDeg: fix.HeadingDeg, SpeedMps: fix.SpeedMps, DistanceKm: state.State.MissionDistanceKm);

        // Picked up, or at the drop-off, without a fix that showed it leave: its take-off fixes
        // were lost (with a silo's stream queue) or came too late. The delivery still gets the stage.
        var missedTakeOff = neverSeenFlying && (missedPickup is not null || kind is DroneProgressKind.PickedUp or DroneProgressKind.ArrivedAtDropoff)
            ? progress with { Kind = DroneProgressKind.TookOff, At = fix.At.AddTicks(-2) }
            : null;
        if (kind != DroneProgressKind.Position)
        {
            if (missedTakeOff is not null)
            {
                Remember(mission.DeliveryId, missedTakeOff);
            }

            if (missedPickup is not null)
            {
                Remember(mission.DeliveryId, missedPickup);
            }

            Remember(mission.DeliveryId, progress);
            await SaveAsync();
            LogPhase(logger, Id, mission.DeliveryId, kind);
        }

        if (kind == DroneProgressKind.Position && missedPickup is null)
        {
            _unsentPosition = (Delivery(mission), progress);
            return;
        }

        // A change of phase goes at once; it is newer than any position still unsent.
        _unsentPosition = null;
        if (missedTakeOff is not null)
        {
            Delivery(mission).OnDroneProgressAsync(missedTakeOff).Ignore();
        }

        if (missedPickup is not null)
        {
            Delivery(mission).OnDroneProgressAsync(missedPickup).Ignore();
        }

        Delivery(mission).OnDroneProgressAsync(progress).Ignore();
    }

    /// <summary>After a mission (or back from silence): home, then charged, then available to the scheduler again.</summary>
    private async Task FollowHomecomingAsync(TelemetrySample fix)
    {
        if (fix.Event == DroneEvent.Fault && state.State.Status != DroneStatus.Maintenance)
        {
            state.State.Status = DroneStatus.Maintenance;
        }
        else if (state.State.Status == DroneStatus.Offline)
        {
            Rejoin();
        }
        else if (state.State.Status == DroneStatus.Returning && IsHome())
        {
            state.State.Status = HomeStatus();
        }
        else if (state.State.Status == DroneStatus.Charging && state.State.BatteryPct >= flight.Value.ReadyBatteryPct)
        {
            state.State.Status = DroneStatus.Available;
        }
        else
        {
            return;
        }

        await SaveAsync();
    }

    private async Task AbortMissionAsync(TelemetrySample fix, Mission mission, string reason, DroneStatus status)
    {
        EndMission(status);
        if (status == DroneStatus.Maintenance)
        {
            state.State.Status = DroneStatus.Maintenance;
        }

        var progress = Remember(mission.DeliveryId, new DroneProgress(Id, DroneProgressKind.Aborted, fix.At, fix.Location, null, null, reason, fix.HeadingDeg, fix.SpeedMps, state.State.MissionDistanceKm));
        await SaveAsync();
        LogAborted(logger, Id, mission.DeliveryId, reason);
        _unsentPosition = null;
        Delivery(mission).OnDroneProgressAsync(progress).Ignore();
    }

    /// <summary>
    /// A drone at the drop-off that never reported the pickup: the fixes that showed it were lost
    /// (a silo died with its queue, or the drone's activation with what it had seen). It has the
    /// package, so it is moved on to HeadedToDropoff here and the pickup is reported with this fix.
    /// </summary>
    private DroneProgress? MissedPickup(TelemetrySample fix, Mission mission)
    {
        var geofence = flight.Value.GeofenceMeters;
        if (state.State.Status is not (DroneStatus.Assigned or DroneStatus.HeadedToPickup)
            || !(fix.Event == DroneEvent.Delivered || Within(mission.Dropoff, geofence))
            || Within(mission.Pickup, geofence))
        {
            return null;
        }

        state.State.Status = DroneStatus.HeadedToDropoff;
        // Just before the arrival it comes with: a delivery catching up applies only newer reports.
        return new DroneProgress(Id, DroneProgressKind.PickedUp, fix.At.AddTicks(-1), fix.Location, null, fix.At, HeadingDeg: fix.HeadingDeg, SpeedMps: fix.SpeedMps, DistanceKm: state.State.MissionDistanceKm);
    }

    /// <summary>
    /// Standing still at its base while it holds a mission it had flown out for, or one whose
    /// planned pickup time has passed without it taking off: it is not flying that mission (it
    /// may have finished it with events that never arrived, given it up, or never received it),
    /// so its fixes are no sign of the mission's life.
    /// </summary>
    private bool ParkedAtBaseMidMission(TelemetrySample fix)
    {
        var geofence = flight.Value.GeofenceMeters;
        return state.State.Mission is { } mission
            && (state.State.Status is DroneStatus.HeadedToPickup or DroneStatus.HeadedToDropoff
                || (state.State.Status == DroneStatus.Assigned && time.GetUtcNow() > mission.PickupEta))
            && fix.SpeedMps < flight.Value.MinimumEtaSpeedMps
            && IsHome()
            && !Within(mission.Pickup, geofence)
            && !Within(mission.Dropoff, geofence);
    }

    /// <summary>True once the drone has been at the pickup and is moving away from it: it has the package.</summary>
    private bool LeftPickup(Mission mission)
    {
        var atPickup = Within(mission.Pickup, flight.Value.GeofenceMeters);
        var left = _wasAtPickup && !atPickup;
        _wasAtPickup |= atPickup;
        return left;
    }

    private bool Within(Location target, double meters) => GeoMath.DistanceKm(state.State.Position!, target) * 1000 <= meters;

    /// <summary>A change that waits for the next position write, at most <see cref="DroneFlightOptions.PersistInterval"/> away.</summary>
    private void MarkPositionDirty()
    {
        _positionDirty = true;
        var interval = flight.Value.PersistInterval;
        _persistTimer ??= this.RegisterGrainTimer(PersistPositionAsync, new GrainTimerCreationOptions(interval, interval));
    }

    /// <summary>Writes what waits; a tick with nothing to write stops the timer. A write that fails is tried again at the next tick.</summary>
    private async Task PersistPositionAsync(CancellationToken cancellationToken)
    {
        if (_positionDirty && state.RecordExists && !_discarded)
        {
            await state.WriteStateAsync(cancellationToken);
            _positionDirty = false;
            return;
        }

        _persistTimer?.Dispose();
        _persistTimer = null;
    }

    private IDeliveryGrain Delivery(Mission mission) => _delivery.For(GrainFactory, mission.DeliveryId);
}
