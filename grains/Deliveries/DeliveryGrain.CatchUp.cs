using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The delivery's backstop in flight. A drone tells its delivery of each change of phase one-way,
/// after storing it; a silo that is stopping or dies can drop that message, and the delivery
/// would wait for ever on a drone long gone home. So the drone, while it flies the delivery and
/// until the delivery has settled the end of its part, tells it every so often when it last
/// reported; a delivery that has seen less asks the drone for what it reported and applies what
/// it missed. A drone that holds no mission of this delivery and reported nothing that ended it
/// (its assignment was never stored, or it was lost) is treated as having abandoned it. The same
/// check releases a drone that still holds the mission of a delivery that never stored it or is
/// done with it. A delivery that waited for a drone also has its reminder ask, until it is finished.
/// </summary>
public sealed partial class DeliveryGrain
{
    // The drone's record is being applied: a report that skips a stage is taken as it is, not asked about again.
    private bool _catchingUp;

    /// <summary>What drones sent before they told the time of their last report: catch up unconditionally.</summary>
    public Task CheckDroneAsync(string droneId) => CheckDroneReportsAsync(droneId, null);

    public async Task CheckDroneReportsAsync(string droneId, DateTimeOffset? lastReportAt)
    {
        // Releasing the drone of a delivery this activation merely read too early would strand it.
        await state.RecordExistsAsync();
        if (UnderWayWith(droneId))
        {
            if (lastReportAt is not { } reported || reported > (state.State.LastReportAt ?? DateTimeOffset.MinValue))
            {
                await CatchUpWithDroneAsync();
            }

            if (UnderWayWith(droneId))
            {
                return;
            }
        }

        if (!state.RecordExists)
        {
            LogStrayDrone(logger, Id, droneId);
        }

        await BackPendingHistoryAsync();

        // Releases the mission if the drone still holds it, and settles what it reported either way.
        await GrainFactory.Reference<IDroneGrain>(droneId).ReleaseAsync(Id);
    }

    private bool UnderWayWith(string droneId) => state.RecordExists && !IsFinished && state.State.DroneId == droneId;

    private async Task CatchUpWithDroneAsync()
    {
        if (Drone() is not { } drone)
        {
            return;
        }

        var droneId = state.State.DroneId!;
        var known = await drone.GetMissionReportsAsync(Id);
        _catchingUp = true;
        try
        {
            foreach (var report in known.Reports)
            {
                if (IsFinished || state.State.DroneId != droneId)
                {
                    return;
                }

                if (state.State.LastReportAt is not { } last || report.At > last)
                {
                    LogCaughtUp(logger, Id, droneId, report.Kind);
                    await OnDroneProgressAsync(report);
                }
            }
        }
        finally
        {
            _catchingUp = false;
        }

        if (!known.HoldsMission && !IsFinished && state.State.DroneId == droneId)
        {
            var location = state.State.LastKnownLocation ?? state.State.Request!.Pickup;
            await OnDroneProgressAsync(new DroneProgress(droneId, DroneProgressKind.Aborted, time.GetUtcNow(), location, null, null, $"Drone {droneId} no longer holds this delivery's mission."));
        }
    }

    /// <summary>After the finish is stored: a reminder left behind sees the delivery finished at its next tick and goes.</summary>
    private async Task StopRetryingQuietlyAsync()
    {
        try
        {
            await StopRetryingAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReminderLeft(logger, e, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} missed a report of drone {DroneId}, or got it out of order, and caught up: {Kind}")]
    private static partial void LogCaughtUp(ILogger logger, string deliveryId, string droneId, DroneProgressKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was never stored, but drone {DroneId} took its mission; the drone is released")]
    private static partial void LogStrayDrone(ILogger logger, string deliveryId, string droneId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} is finished but its reminder could not be removed; it removes itself at its next tick")]
    private static partial void LogReminderLeft(ILogger logger, Exception exception, string deliveryId);
}
