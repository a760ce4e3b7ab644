using System.Buffers.Text;
using System.Security.Cryptography;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Diagnostics;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.Persistence;
using DroneDelivery.Grains.Scheduling;
using DroneDelivery.Grains.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// Runs one delivery as a saga. A reminder stands behind every step that may not finish, so a
/// delivery accepted with 202 moves on even if its silo dies: the package is registered, the
/// reminder set, a drone sought, and then the delivery is stored in one write, Scheduled with its
/// drone or AwaitingDrone until a scheduler wakes it or the reminder fires. A step that fails
/// undoes the ones before it (<see cref="StoreRequestAsync"/>), and the request is refused.
/// </summary>
[GrainType("delivery")]
public sealed partial class DeliveryGrain(
    [PersistentState("delivery")] IPersistentState<DeliveryState> state,
    IOptions<DeliverySchedulingOptions> options,
    IOptions<DeliveryTrackingOptions> tracking,
    TimeProvider time,
    DroneDeliveryMetrics metrics,
    ILogger<DeliveryGrain> logger) : Grain, IDeliveryGrain, IRemindable
{
    private const string RetryReminder = "schedule-retry";

    private string Id => this.GetPrimaryKeyString();

    private bool IsUnscheduled => state.State.Stage is DeliveryStage.Requested or DeliveryStage.AwaitingDrone;

    public async Task<DeliveryAccepted> RequestAsync(string ownerId, DeliveryRequest request)
    {
        if (state.RecordExists)
        {
            if (state.State.OwnerId != ownerId)
            {
                // Says only that the id is taken, nothing of the delivery behind it.
                throw DomainException.Conflict("This deliveryId is already in use; choose another.");
            }

            if ((state.State.AsRequested ?? state.State.Request) != request)
            {
                throw DomainException.Conflict("A different request was already made under this deliveryId or Idempotency-Key.");
            }

            // A repeat: the same answer, and a nudge if the first attempt was cut short.
            await TryScheduleAsync();
            return Accepted();
        }

        // The gateway validated the request; the grain still refuses what would break its planning.
        if (!GeoMath.IsValid(request.Pickup) || !GeoMath.IsValid(request.Dropoff))
        {
            throw DomainException.Invalid(GeoMath.IsValid(request.Pickup) ? "dropoff" : "pickup", "Not a valid WGS84 position.");
        }

        var packageId = request.Package.PackageId ?? Id;
        await GrainFactory.Reference<IPackageGrain>(packageId).RegisterAsync(
            new PackageRegistration(ownerId, Id, request.Package.Size, request.Package.WeightKg, request.Package.Tag));

        var hasWebhook = await ExpectWebhooksAsync(ownerId);
        var now = time.GetUtcNow();
        state.State = new DeliveryState
        {
            OwnerId = ownerId,
            Request = request,
            PackageId = packageId,
            Stage = DeliveryStage.Requested,
            CreatedAt = now,
            UpdatedAt = now,
            TrackingToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)),
            Milestones = [new Milestone(DeliveryStage.Requested, now, request.Pickup, null)],
            HasWebhook = hasWebhook,
        };
        RecordWebhookEvent(DeliveryStage.Requested, now);
        if (!await StoreRequestAsync(packageId))
        {
            return await RequestAsync(ownerId, request);
        }

        // The first stage is set here, not by MoveTo; counted once it is stored.
        metrics.StageChanged(DeliveryStage.Requested);
        LogRequested(logger, Id, ownerId);
        return Accepted();
    }

    public async Task<DeliveryDetails> GetAsync(string ownerId)
    {
        await EnsureOwnerAsync(ownerId);
        var s = state.State;
        return new DeliveryDetails(
            Id, s.OwnerId, s.Request!, s.PackageId, s.Stage, s.DroneId, s.PickupEta, s.DeliveryEta, s.CreatedAt, s.UpdatedAt, s.TrackingToken);
    }

    public async Task<DeliveryStatus> GetStatusAsync(string ownerId)
    {
        await EnsureOwnerAsync(ownerId);
        var s = state.State;
        return new DeliveryStatus(s.Stage, s.DroneId, s.LastKnownLocation, s.PickupEta, s.DeliveryEta, s.UpdatedAt);
    }

    public async Task<IReadOnlyList<Milestone>> GetMilestonesAsync(string ownerId)
    {
        await EnsureOwnerAsync(ownerId);
        return [.. state.State.Milestones];
    }

    public Task DroneMayBeAvailableAsync() => TryScheduleAsync();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Either reminder would remove itself for a delivery this activation merely read too early.
        await state.RecordExistsAsync();
        if (reminderName == HistoryReminder)
        {
            await WriteHistoryAsync(CancellationToken.None);
            return;
        }

        if (!state.RecordExists || IsFinished)
        {
            // The saga is over; the reminder outlived an unregister that failed.
            await StopRetryingAsync();
            return;
        }

        if (IsUnscheduled)
        {
            await TryScheduleAsync();
            return;
        }

        await CatchUpWithDroneAsync();
    }

    /// <summary>A stored delivery still without a drone asks for one again: on a repeated request, a scheduler's wake-up, or its reminder.</summary>
    private async Task TryScheduleAsync()
    {
        // A wake-up may come for a delivery whose request was never stored: nothing to schedule.
        if (!await state.RecordExistsAsync() || !IsUnscheduled)
        {
            return;
        }

        if (await FindDroneAsync() is { } assignment)
        {
            TakeDrone(assignment);
            await SaveScheduledAsync(assignment.DroneId);
            return;
        }

        // Only deliveries stored before requests were stored in one write are still Requested here.
        if (state.State.Stage == DeliveryStage.Requested)
        {
            WaitForDrone();
            await SaveAsync();
            LogAwaiting(logger, Id);
        }
    }

    /// <summary>Asks the pickup cell's scheduler, then its neighbours', for a drone; null when none is free.</summary>
    private async Task<Assignment?> FindDroneAsync()
    {
        var request = state.State.Request!;
        var scheduleRequest = new ScheduleRequest(Id, request.Pickup, request.Dropoff, request.Package.WeightKg, request.PickupTime, request.ConfirmationRequired, state.State.CreatedAt);
        var pickupCell = RegionCell.Of(request.Pickup);
        foreach (var cell in pickupCell.SearchOrder(request.Pickup, options.Value.SearchRings))
        {
            var assignment = await GrainFactory.Reference<ISchedulerGrain>(cell.Key).TryScheduleAsync(scheduleRequest);
            if (assignment is not null)
            {
                if (cell != pickupCell)
                {
                    // The pickup cell found nothing and counts this delivery as waiting; one that assigns forgets it itself.
                    ForgetWaiting(request.Pickup);
                }

                return assignment;
            }
        }

        return null;
    }

    private void TakeDrone(Assignment assignment)
    {
        state.State.DroneId = assignment.DroneId;

        // A new flight, even of the drone that flew before: its first report starts the measuring.
        state.State.FlightDroneId = null;
        state.State.PickupEta = assignment.PickupEta;
        state.State.DeliveryEta = assignment.DeliveryEta;
        MoveTo(DeliveryStage.Scheduled, $"Drone {assignment.DroneId} assigned.", time.GetUtcNow(), state.State.LastKnownLocation);
    }

    private void WaitForDrone() =>
        MoveTo(DeliveryStage.AwaitingDrone, "No drone is free nearby; waiting for one.", time.GetUtcNow(), state.State.LastKnownLocation);

    /// <summary>The one place stages change, so the one place they are counted.</summary>
    private void MoveTo(DeliveryStage stage, string note, DateTimeOffset at, Location? location)
    {
        var s = state.State;
        switch (stage)
        {
            // Only the first assignment: a reassignment after a fault would time the whole flight so far.
            case DeliveryStage.Scheduled when !s.Milestones.Exists(m => m.Stage == DeliveryStage.Scheduled):
                metrics.Assigned(at - s.CreatedAt);
                break;
            case DeliveryStage.HeadedToDropoff:
                s.DeliveryEtaAtPickup = s.DeliveryEta;
                break;
            case DeliveryStage.Delivered when s.DeliveryEtaAtPickup is { } promised:
                metrics.Delivered(promised, at);
                break;
        }

        if (IsUnscheduled && stage is DeliveryStage.Cancelled or DeliveryStage.Failed)
        {
            // Given up before a drone was found: the pickup cell stops counting it as waiting.
            ForgetWaiting(s.Request!.Pickup);
        }

        s.Stage = stage;
        s.UpdatedAt = at;
        s.Milestones.Add(new Milestone(stage, at, location, note));
        RecordWebhookEvent(stage, at);
        metrics.StageChanged(stage);
    }

    /// <summary>
    /// The durable backstop of a delivery left waiting: a reminder that retries until it has a
    /// drone, then asks the drone for any report it missed, until the delivery is finished.
    /// Registered before the write that stores the wait, which also stores that it is held.
    /// </summary>
    private async Task StartRetryingAsync()
    {
        var retry = options.Value.RetryPeriod;
        await this.RegisterOrUpdateReminder(RetryReminder, retry, retry);
        state.State.HoldsRetryReminder = true;
    }

    private async Task StopRetryingAsync()
    {
        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State.HoldsRetryReminder = false;
    }

    private void ForgetWaiting(Location pickup) =>
        GrainFactory.Reference<ISchedulerGrain>(RegionCell.Of(pickup).Key).ForgetWaitingAsync(Id).Ignore();

    private async ValueTask EnsureOwnerAsync(string ownerId)
    {
        if (!await state.RecordExistsAsync() || state.State.OwnerId != ownerId)
        {
            throw DomainException.NotFound("The delivery");
        }
    }

    private DeliveryAccepted Accepted() =>
        new(Id, state.State.Stage, state.State.TrackingToken, state.State.DroneId, state.State.PickupEta, state.State.DeliveryEta);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} requested by business {BusinessId}")]
    private static partial void LogRequested(ILogger logger, string deliveryId, string businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} is waiting for a drone")]
    private static partial void LogAwaiting(ILogger logger, string deliveryId);
}
