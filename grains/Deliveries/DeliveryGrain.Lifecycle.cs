using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The delivery once it has a drone: the drone's progress moves it through its stages, the
/// business may change or cancel it, and a confirmation finishes it when one is required.
/// Position and ETAs change on every fix and live in memory; stages are written as they happen.
/// </summary>
public sealed partial class DeliveryGrain
{
    private bool IsFinished => state.State.Stage is DeliveryStage.Delivered or DeliveryStage.Cancelled or DeliveryStage.Failed;

    public async Task OnDroneProgressAsync(DroneProgress progress)
    {
        if (!await state.RecordExistsAsync() || IsFinished || progress.DroneId != state.State.DroneId)
        {
            // A report from a drone this delivery no longer has (cancelled, rescheduled): stale.
            return;
        }

        var s = state.State;
        if (_position is null || _position.DroneId != progress.DroneId || progress.At >= _position.At)
        {
            // A change of phase asked for again after a missed report is older than the fixes
            // since: it moves the stage on, but not the drone back.
            TrackFlight(progress);
            s.LastKnownLocation = progress.Location;
            s.PickupEta = progress.PickupEta;
            s.DeliveryEta = progress.DeliveryEta;
            s.UpdatedAt = progress.At;
            _position = new TrackedPosition(progress.DroneId, progress.Location, progress.HeadingDeg, progress.SpeedMps, progress.At);
        }

        NoteTakeOff(progress);

        // The drone counts the distance in fix order; reports may overtake one another on the way.
        if (progress.DistanceKm is { } flown && s.FlightDroneId == progress.DroneId)
        {
            s.DistanceFlownKm = Math.Max(s.DistanceFlownKm, flown);
        }

        if (progress.Kind == DroneProgressKind.Position)
        {
            PublishToWatchers();
            return;
        }

        if (SkipsAStage(progress) && !_catchingUp)
        {
            // Orleans keeps no order between messages: an earlier report is still on its way, or
            // was lost. The drone's record has them all, in order, this one included.
            await CatchUpWithDroneAsync();
            return;
        }

        // The newest seen: one that was overtaken must not make the delivery ask for it again.
        s.LastReportAt = s.LastReportAt is { } last && last > progress.At ? last : progress.At;
        switch (progress.Kind)
        {
            case DroneProgressKind.TookOff when s.Stage == DeliveryStage.Scheduled:
                MoveTo(DeliveryStage.HeadedToPickup, "The drone took off for the pickup.", progress.At, progress.Location);
                break;
            case DroneProgressKind.PickedUp when s.Stage is DeliveryStage.Scheduled or DeliveryStage.HeadedToPickup:
                MoveTo(DeliveryStage.HeadedToDropoff, "The package was picked up.", progress.At, progress.Location);
                break;
            case DroneProgressKind.ArrivedAtDropoff when s.Request!.ConfirmationRequired == ConfirmationType.None:
                Finish(DeliveryStage.Delivered, "Delivered at the drop-off.", progress.At, progress.Location);
                break;
            case DroneProgressKind.ArrivedAtDropoff:
                // Delivered only once the proof arrives; until then the drone waits at the drop-off.
                s.ArrivedAtDropoff = true;
                break;
            case DroneProgressKind.Aborted when s.Stage == DeliveryStage.HeadedToDropoff:
                Finish(DeliveryStage.Failed, progress.Reason ?? "The drone abandoned the delivery.", progress.At, progress.Location);
                break;
            case DroneProgressKind.Aborted:
                await FindAnotherDroneAsync(progress.Reason ?? "The drone abandoned the delivery.", progress.At);
                Settle(progress);
                return;
            default:
                return;
        }

        if (!IsFinished)
        {
            await SaveAsync();
        }
        else if (!await SaveFinishReportedByDroneAsync())
        {
            // Left unsettled: the drone's next check registers the reminder the record still lacks.
            return;
        }

        Settle(progress);
    }

    /// <summary>A pickup before the take-off was heard of, or an arrival before the pickup.</summary>
    private bool SkipsAStage(DroneProgress progress) => progress.Kind switch
    {
        DroneProgressKind.PickedUp => state.State.Stage == DeliveryStage.Scheduled,
        DroneProgressKind.ArrivedAtDropoff => state.State.Stage is DeliveryStage.Scheduled or DeliveryStage.HeadedToPickup,
        _ => false,
    };

    /// <summary>Once the end of the drone's part is stored, the drone stops checking on it.</summary>
    private void Settle(DroneProgress progress)
    {
        if (progress.Kind is DroneProgressKind.ArrivedAtDropoff or DroneProgressKind.Aborted)
        {
            GrainFactory.Reference<IDroneGrain>(progress.DroneId).ReportsSettledAsync(Id).Ignore();
        }
    }

    public async Task<DeliveryStatus> ConfirmAsync(Confirmation confirmation)
    {
        if (!await state.RecordExistsAsync())
        {
            throw DomainException.NotFound("The delivery");
        }

        var required = state.State.Request!.ConfirmationRequired;
        if (state.State.Stage == DeliveryStage.Delivered && state.State.Confirmation == confirmation)
        {
            return await GetStatusAsync(state.State.OwnerId);
        }

        if (required == ConfirmationType.None)
        {
            throw DomainException.Conflict("This delivery needs no confirmation.");
        }

        if (confirmation.Type != required)
        {
            throw DomainException.Invalid("type", $"This delivery needs a {required} confirmation.");
        }

        if (state.State.Stage != DeliveryStage.HeadedToDropoff || !state.State.ArrivedAtDropoff)
        {
            throw DomainException.Conflict("The drone is not waiting at the drop-off.");
        }

        state.State.Confirmation = confirmation;
        Finish(DeliveryStage.Delivered, $"Delivered; {required} confirmation received.", confirmation.At, confirmation.Location ?? state.State.LastKnownLocation);
        await SaveFinishedAsync();
        await Drone()!.ReleaseAsync(Id);
        return await GetStatusAsync(state.State.OwnerId);
    }

    public async Task<DeliveryDetails> CancelAsync(string ownerId)
    {
        await EnsureOwnerAsync(ownerId);
        switch (state.State.Stage)
        {
            case DeliveryStage.Cancelled:
                return await GetAsync(ownerId);
            case DeliveryStage.Delivered or DeliveryStage.Failed:
                throw DomainException.Conflict($"The delivery is already {state.State.Stage}; it can no longer be cancelled.");
        }

        if (Drone() is { } drone)
        {
            await drone.ReleaseAsync(Id);
        }

        Finish(DeliveryStage.Cancelled, "Cancelled by the business.", time.GetUtcNow(), state.State.LastKnownLocation);
        await SaveFinishedAsync();
        return await GetAsync(ownerId);
    }

    public async Task<DeliveryDetails> UpdateAsync(string ownerId, DeliveryChanges changes)
    {
        await EnsureOwnerAsync(ownerId);
        if (state.State.Stage is not (DeliveryStage.Requested or DeliveryStage.AwaitingDrone or DeliveryStage.Scheduled or DeliveryStage.HeadedToPickup))
        {
            throw DomainException.Conflict($"The delivery is {state.State.Stage}; it can only be changed until the package is picked up.");
        }

        var before = state.State.Request!;
        var after = before with
        {
            Pickup = changes.Pickup ?? before.Pickup,
            Dropoff = changes.Dropoff ?? before.Dropoff,
            PickupTime = changes.PickupTime ?? before.PickupTime,
            Deadline = changes.Deadline ?? before.Deadline,
        };
        if (after.Deadline <= after.PickupTime)
        {
            throw DomainException.Invalid("deadline", "Must be after the pickup time.");
        }

        state.State.AsRequested ??= before;
        state.State.Request = after;
        if (IsUnscheduled && RegionCell.Of(before.Pickup) != RegionCell.Of(after.Pickup))
        {
            ForgetWaiting(before.Pickup);
        }

        if (Drone() is { } drone)
        {
            var mission = new Mission(Id, after.Pickup, after.Dropoff, after.Package.WeightKg, state.State.PickupEta ?? time.GetUtcNow(), state.State.DeliveryEta ?? time.GetUtcNow(), after.ConfirmationRequired, after.PickupTime);
            if (await drone.TryUpdateMissionAsync(mission) is { } assignment)
            {
                state.State.PickupEta = assignment.PickupEta;
                state.State.DeliveryEta = assignment.DeliveryEta;
                state.State.UpdatedAt = time.GetUtcNow();
                await SaveAsync();
                return await GetAsync(ownerId);
            }

            await drone.ReleaseAsync(Id);
            await FindAnotherDroneAsync($"Rescheduled: drone {state.State.DroneId} can't fly the changed trip.", time.GetUtcNow());
            return await GetAsync(ownerId);
        }

        state.State.UpdatedAt = time.GetUtcNow();
        await SaveAsync();
        await TryScheduleAsync();
        return await GetAsync(ownerId);
    }

    /// <summary>Back to waiting for a drone, stored with the reminder behind it, and an immediate search.</summary>
    private async Task FindAnotherDroneAsync(string reason, DateTimeOffset at)
    {
        state.State.DroneId = null;
        state.State.PickupEta = null;
        state.State.DeliveryEta = null;
        state.State.ArrivedAtDropoff = false;

        // The next drone's reports are timed by its own clock.
        state.State.LastReportAt = null;
        MoveTo(DeliveryStage.AwaitingDrone, reason, at, state.State.LastKnownLocation);
        await StartRetryingAsync();
        await SaveAsync();
        await TryScheduleAsync();
    }

    private void Finish(DeliveryStage stage, string note, DateTimeOffset at, Location? location)
    {
        state.State.PickupEta = null;
        state.State.DeliveryEta = null;
        state.State.ArrivedAtDropoff = false;
        MoveTo(stage, note, at, location);
    }

    private IDroneGrain? Drone() => state.State.DroneId is { } id ? GrainFactory.Reference<IDroneGrain>(id) : null;
}
