using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.History;
using DroneDelivery.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The finished delivery's way into the history. The finish is stored together with
/// <see cref="DeliveryState.HistoryPending"/>; the record goes to the history writer in the turn
/// after, and only once the writer confirms it stored the record is the flag cleared. A reminder,
/// registered before the finish is stored, writes it again for as long as the flag stays set, so a
/// silo lost between the finish and the write loses nothing: the record is written later, and
/// since its keys derive from the delivery, a second write replaces the first. A finish the drone
/// reported is stored even when the reminder can't be registered yet; the drone, which keeps
/// reporting until the delivery settles its part, stands behind the record until then.
/// </summary>
public sealed partial class DeliveryGrain
{
    private const string HistoryReminder = "history-retry";

    private IGrainTimer? _historyTimer;
    private bool _writingHistory;

    /// <summary>
    /// Stores a delivery <see cref="Finish"/> has just finished, and starts its history record on
    /// its way. The reminder comes first: once the finish is stored, something durable must already
    /// stand behind the record. If it can't be registered, nothing is stored and the call fails.
    /// </summary>
    private async Task SaveFinishedAsync()
    {
        state.State.HistoryPending = true;
        try
        {
            await RegisterHistoryReminderAsync();
        }
        catch
        {
            // The finish exists only in memory: let the next call reload what is stored.
            DeactivateOnIdle();
            throw;
        }

        await StoreFinishAsync();
    }

    /// <summary>
    /// Stores a finish its drone reported, even while the reminder can't be registered: for as long
    /// as a silo that died is still counted in the cluster, the reminders of its share of grains
    /// can't be. The drone reports the end of its part until the delivery settles it, so a false
    /// answer, no reminder yet, leaves the drone's part unsettled; its next check registers the
    /// reminder (<see cref="CheckDroneReportsAsync"/>). The drone is free meanwhile, so making the
    /// finish wait would show it held by two deliveries.
    /// </summary>
    private async Task<bool> SaveFinishReportedByDroneAsync()
    {
        state.State.HistoryPending = true;
        bool backed;
        try
        {
            await RegisterHistoryReminderAsync();
            backed = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHistoryReminderDeferred(logger, e, Id);
            backed = false;
        }

        await StoreFinishAsync();
        return backed;
    }

    /// <summary>
    /// A finished delivery whose record is still pending when its drone checks on it: the reminder
    /// is registered before the drone lets go. If it fails, the drone asks again.
    /// </summary>
    private async Task BackPendingHistoryAsync()
    {
        if (state.RecordExists && IsFinished && state.State.HistoryPending)
        {
            await RegisterHistoryReminderAsync();
            StartHistoryWrite();
        }
    }

    private async Task RegisterHistoryReminderAsync()
    {
        var retry = ServiceProvider.GetRequiredService<IOptions<HistoryOptions>>().Value.RetryPeriod;
        await this.RegisterOrUpdateReminder(HistoryReminder, retry, retry);
    }

    private async Task StoreFinishAsync()
    {
        await SaveAsync();
        if (state.State.HoldsRetryReminder)
        {
            await StopRetryingQuietlyAsync();
        }

        StartHistoryWrite();
    }

    /// <summary>
    /// A turn of its own, so neither the caller nor the drone's release waits for the writer's
    /// batch; interleaved, so reads of the finished delivery don't wait on storage either. Safe:
    /// nothing else writes a finished delivery's state (every other call reads, or refuses).
    /// </summary>
    private void StartHistoryWrite() =>
        _historyTimer ??= this.RegisterGrainTimer(
            WriteHistoryAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });

    /// <summary>Hands the record to the writer; once it is stored, clears the flag and lets the activation go.</summary>
    private async Task WriteHistoryAsync(CancellationToken cancellationToken)
    {
        _historyTimer?.Dispose();
        _historyTimer = null;
        if (_writingHistory)
        {
            // The timer's write, interleaved, is under way; the reminder has nothing to add.
            return;
        }

        if (!state.RecordExists || !state.State.HistoryPending)
        {
            await StopHistoryRemindersAsync();
            return;
        }

        _writingHistory = true;
        try
        {
            if (!await TryWriteHistoryAsync())
            {
                return;
            }

            state.State.HistoryPending = false;
            await state.WriteOrDeactivateAsync(this);
            await StopHistoryRemindersAsync();
        }
        finally
        {
            _writingHistory = false;
        }

        // The history answers for the finished delivery now. Its state stays stored, so a later
        // GET reactivates it; there is no reason to keep it in memory until then.
        DeactivateOnIdle();
    }

    private async Task<bool> TryWriteHistoryAsync()
    {
        var record = HistoryRecord();
        try
        {
            // The writer calls nothing but storage: awaiting it cannot close a cycle.
            await GrainFactory.Reference<IHistoryWriterGrain>(GrainKeys.HistoryWriter).WriteAsync(record);
            LogHistoryWritten(logger, Id, record.FinalStage);
            return true;
        }
        catch (Exception e)
        {
            LogHistoryDeferred(logger, e, Id);
            return false;
        }
    }

    private async Task StopHistoryRemindersAsync()
    {
        if (await this.GetReminder(HistoryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Measures the flight of the delivery's drone from the newest fix it reports: distance fix to
    /// fix. A new drone (after a fault) starts a new flight.
    /// </summary>
    private void TrackFlight(DroneProgress progress)
    {
        var s = state.State;
        if (s.FlightDroneId != progress.DroneId)
        {
            s.FlightDroneId = progress.DroneId;
            s.DistanceFlownKm = 0;
            s.TookOffAt = null;
        }
        else if (progress.DistanceKm is null && s.LastKnownLocation is { } from)
        {
            // A report from a drone that doesn't count its distance (stored before it did).
            s.DistanceFlownKm += GeoMath.DistanceKm(from, progress.Location);
        }
    }

    /// <summary>
    /// When the flight's drone left: its earliest change of phase, taken from any report of it,
    /// even one a later fix overtook on the way.
    /// </summary>
    private void NoteTakeOff(DroneProgress progress)
    {
        var s = state.State;
        if (s.FlightDroneId == progress.DroneId
            && progress.Kind is not (DroneProgressKind.Position or DroneProgressKind.Aborted)
            && (s.TookOffAt is not { } known || progress.At < known))
        {
            s.TookOffAt = progress.At;
        }
    }

    private DeliveryHistoryRecord HistoryRecord()
    {
        var s = state.State;
        var package = s.Request!.Package;
        var flown = s.FlightDroneId is not null && s.FlightDroneId == s.DroneId;
        return new DeliveryHistoryRecord(
            Id,
            s.OwnerId,
            s.PackageId,
            package.Size,
            package.WeightKg,
            s.DroneId,
            s.Stage,
            s.CreatedAt,
            s.Milestones.Find(m => m.Stage == DeliveryStage.Scheduled)?.At,
            s.Milestones.FindLast(m => m.Stage == DeliveryStage.HeadedToDropoff)?.At,
            s.Milestones[^1].At,
            s.Request.Deadline,
            flown ? s.DistanceFlownKm : 0,
            flown ? s.TookOffAt : null,
            [.. s.Milestones]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} finished {Stage}; its history record is stored")]
    private static partial void LogHistoryWritten(ILogger logger, string deliveryId, DeliveryStage stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the reminder behind its history record could not be registered; the finish is stored, and the drone's next check registers it")]
    private static partial void LogHistoryReminderDeferred(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: history record not written yet; the reminder will try again")]
    private static partial void LogHistoryDeferred(ILogger logger, Exception exception, string deliveryId);
}
