using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Diagnostics;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.Persistence;
using DroneDelivery.Grains.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// One drone: its spec, status, mission and last position. Missions are taken here and only
/// here; telemetry (<see cref="DroneGrain"/>'s other part) moves the drone through its phases.
/// </summary>
[GrainType("drone")]
[ImplicitStreamSubscription(GrainInterfaces.Streams.TelemetryStreams.Namespace)]
public sealed partial class DroneGrain(
    [PersistentState("drone")] IPersistentState<DroneState> state,
    IOptions<DroneFlightOptions> flight,
    IOptions<DeliverySchedulingOptions> scheduling,
    TimeProvider time,
    DroneDeliveryMetrics metrics,
    ILogger<DroneGrain> logger) : Grain, IDroneGrain
{
    // Completed, and replaced, whenever the drone's version changes: wakes the channel's long-polls.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The channel's view as last stored. The long-poll interleaves with the drone's turns, so reading
    // the live state could show a revision whose write then fails; the drone, reloaded, would give
    // that number to another change, which the channel would take for one it had already seen.
    private DroneChannelState? _stored;

    // A save failed: this activation's state differs from what is stored and is never written again.
    private bool _discarded;

    private string Id => this.GetPrimaryKeyString();

    /// <summary>Registered and not retired: a drone of the fleet.</summary>
    private bool InFleet => state.RecordExists && !state.State.Retired;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = StoredChannelState();
        await SubscribeToTelemetryAsync();
        ResumeWatching();

        // The scheduler's index is memory only: whenever this drone comes back, say where it is.
        if (Availability() is { } availability)
        {
            Scheduler(state.State.HomeCell!).UpdateDroneAsync(availability).Ignore();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_positionDirty && state.RecordExists && !_discarded)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<DroneRegistered> RegisterAsync(DroneSpec spec)
    {
        if (!GeoMath.IsValid(spec.HomeBase) || spec.MaxPayloadKg <= 0 || spec.CruiseSpeedMps <= 0 || spec.RangeKm <= 0)
        {
            throw DomainException.Invalid("spec", "A drone needs a valid home base and a positive payload, speed and range.");
        }

        var created = !state.RecordExists;
        state.State.Retired = false;
        var previousCell = state.State.HomeCell;
        var homeCell = RegionCell.Of(spec.HomeBase).Key;

        state.State.Spec = spec;
        if (created)
        {
            state.State.Status = DroneStatus.Available;
            state.State.Position = spec.HomeBase;
            state.State.BatteryPct = 100;
        }

        state.State.HomeCell = homeCell;
        await SaveAsync();

        // Enrolling is idempotent, so a registration repeated after a crash mends a missed step.
        await GrainFactory.Reference<IFleetDirectoryGrain>(GrainKeys.FleetDirectory).AddCellAsync(homeCell);
        await GrainFactory.Reference<ICellRosterGrain>(homeCell).EnrollAsync(Id);
        if (previousCell is not null && previousCell != homeCell)
        {
            await GrainFactory.Reference<ICellRosterGrain>(previousCell).WithdrawAsync(Id);
            Scheduler(previousCell).RemoveDroneAsync(Id).Ignore();
            GrainFactory.Reference<IFleetCellFeedGrain>(previousCell).RemoveAsync(Id).Ignore();
        }

        return new DroneRegistered(created, Details());
    }

    public async Task<bool> TryAssignAsync(Mission mission)
    {
        if (state.State.Mission?.DeliveryId == mission.DeliveryId)
        {
            // The same delivery asking again after a lost answer: it already has this drone.
            return true;
        }

        if (Availability() is not { IsAvailable: true }
            || mission.WeightKg > state.State.Spec!.MaxPayloadKg)
        {
            return false;
        }

        state.State.Mission = mission;
        state.State.Status = DroneStatus.Assigned;
        state.State.MissionDistanceKm = null;

        // The same delivery again (its first assignment of this drone was never stored, and the
        // drone was let go): what the drone reported then is not this assignment's progress, and
        // a delivery catching up would take a take-off of the earlier flight for this one's.
        state.State.Reports.RemoveAll(r => r.DeliveryId == mission.DeliveryId);
        state.State.UnsettledDeliveries.Remove(mission.DeliveryId);

        // A drone parked in silence gets the full timeout to start reporting its mission.
        _lastSignOfLife = time.GetUtcNow();
        await SaveAsync();
        LogAssigned(logger, Id, mission.DeliveryId);
        return true;
    }

    public async Task<Assignment?> TryUpdateMissionAsync(Mission mission)
    {
        if (state.State.Mission?.DeliveryId != mission.DeliveryId || state.State.Status is not (DroneStatus.Assigned or DroneStatus.HeadedToPickup))
        {
            return null;
        }

        var request = new ScheduleRequest(mission.DeliveryId, mission.Pickup, mission.Dropoff, mission.WeightKg, mission.PickupTime, mission.ConfirmationRequired);
        var plan = TripPlanner.TryPlan(Availability()! with { IsAvailable = true }, request, time.GetUtcNow(), scheduling.Value.PickupDwell);
        if (plan is null)
        {
            return null;
        }

        state.State.Mission = mission with { PickupEta = plan.PickupEta, DeliveryEta = plan.DeliveryEta };
        await SaveAsync();
        return new Assignment(Id, plan.PickupEta, plan.DeliveryEta);
    }

    public async Task ReleaseAsync(string deliveryId)
    {
        if (state.State.Mission?.DeliveryId != deliveryId)
        {
            // A delivery done with this drone settles what it reported, too.
            await ReportsSettledAsync(deliveryId);
            return;
        }

        state.State.UnsettledDeliveries.Remove(deliveryId);

        EndMission(DroneStatus.Returning);
        await SaveAsync();
    }

    public async Task<DroneChannelState?> WaitForChangeAsync(long? afterVersion, TimeSpan maxWait)
    {
        if (_stored is { } stored && afterVersion == stored.Version)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(maxWait, time));
        }

        return _stored;
    }

    /// <summary>What the drone channel shows: the stored state only, never a change whose write may yet fail.</summary>
    private DroneChannelState? StoredChannelState() => InFleet
        ? new DroneChannelState(Id, state.State.Revision, state.State.Status, state.State.Spec!.HomeBase, state.State.Mission)
        : null;

    public Task<DroneDetails> GetAsync() =>
        InFleet ? Task.FromResult(Details()) : throw DomainException.NotFound("The drone");

    public Task<DroneAvailability?> GetAvailabilityAsync() => Task.FromResult(Availability());

    /// <summary>Clears the mission; a drone still at its base is back in service at once.</summary>
    private void EndMission(DroneStatus awayStatus)
    {
        state.State.Mission = null;
        state.State.AwaitingConfirmation = false;
        state.State.Status = IsHome() ? HomeStatus() : awayStatus;
    }

    private DroneStatus HomeStatus() =>
        state.State.MaintenanceRequested ? DroneStatus.Maintenance
        : state.State.BatteryPct >= flight.Value.ReadyBatteryPct ? DroneStatus.Available
        : DroneStatus.Charging;

    private bool IsHome() =>
        GeoMath.DistanceKm(state.State.Position!, state.State.Spec!.HomeBase) * 1000 <= flight.Value.HomeGeofenceMeters;

    /// <summary>
    /// Writes a change of the drone; once it is stored, wakes the drone channel's long-polls and
    /// tells the cell's scheduler, which wakes deliveries waiting for a drone when this one is free.
    /// The supervisor's timers start and stop with the state stored.
    /// </summary>
    private async Task SaveAsync()
    {
        state.State.Revision++;
        state.State.UpdatedAt = time.GetUtcNow();
        try
        {
            await state.WriteOrDeactivateAsync(this);
        }
        catch
        {
            // The activation is going and holds a change that was never stored: the position
            // writes must not store it later behind its caller's back.
            _discarded = true;
            throw;
        }

        _positionDirty = false;
        _stored = StoredChannelState();
        UpdateWatch();

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
        if (state.State.HomeCell is { } cell)
        {
            var scheduler = Scheduler(cell);
            (Availability() is { } availability ? scheduler.UpdateDroneAsync(availability) : scheduler.RemoveDroneAsync(Id)).Ignore();
            ReportToFleetFeed(statusChanged: true);
        }
    }

    private DroneAvailability? Availability() => InFleet
        ? new DroneAvailability(
            Id,
            state.State.Spec!,
            state.State.Position!,
            state.State.BatteryPct,
            state.State.Status == DroneStatus.Available && state.State.Mission is null && !state.State.MaintenanceRequested,
            state.State.Revision,
            state.State.Status,
            Watched)
        : null;

    private DroneDetails Details() => new(
        Id,
        state.State.Spec!,
        state.State.Status,
        state.State.Position!,
        state.State.BatteryPct,
        state.State.Mission?.DeliveryId,
        state.State.UpdatedAt);

    private ISchedulerGrain Scheduler(string cellKey) => GrainFactory.Reference<ISchedulerGrain>(cellKey);
}
