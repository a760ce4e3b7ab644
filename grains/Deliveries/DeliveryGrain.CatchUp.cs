using DroneDelivery.GrainInterfaces.Model;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The delivery's backstop in flight. A drone tells its delivery of each change of phase one-way,
/// after storing it; a silo that is stopping or dies can drop that message, and the delivery
/// would wait for ever on a drone long gone home. So the saga's reminder stays until the delivery
/// is finished, and on each tick in flight asks the drone for what it reported and applies what
/// it missed. A drone that holds no mission of this delivery and reported nothing that ended it
/// (its assignment was never stored, or it was lost) is treated as having abandoned it.
/// </summary>
public sealed partial class DeliveryGrain
{
    private async Task CatchUpWithDroneAsync()
    {
        if (Drone() is not { } drone)
        {
            return;
        }

        var droneId = state.State.DroneId!;
        var known = await drone.GetMissionReportsAsync(Id);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} missed a report of drone {DroneId} and caught up: {Kind}")]
    private static partial void LogCaughtUp(ILogger logger, string deliveryId, string droneId, DroneProgressKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} is finished but its reminder could not be removed; it removes itself at its next tick")]
    private static partial void LogReminderLeft(ILogger logger, Exception exception, string deliveryId);
}
