using DroneDelivery.GrainInterfaces;
using DroneDelivery.Grains.Drones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>
/// The cell's watch: one reminder per cell, held by its scheduler, instead of one per drone on a
/// mission and one per delivery, which cost two storage writes for every delivery scheduled. The
/// drones watch themselves with grain timers (silence, missed reports); the reminder is there for
/// the loss of a silo, which takes those timers with it. At each tick the scheduler wakes every
/// drone of its cell that reported needing a watch, and an activation starts the timers again. A
/// scheduler lost with its silo is brought back by the reminder on another, and rebuilding its
/// index activates every drone of the cell anyway.
/// </summary>
public sealed partial class SchedulerGrain : IRemindable
{
    private const string CellWatchReminder = "cell-watch";
    private static readonly TimeSpan WatchRetry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _watchRetryTimer;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CellWatchReminder)
        {
            foreach (var drone in _drones.Values.Where(d => d.Watched))
            {
                GrainFactory.Reference<IDroneGrain>(drone.DroneId).WakeAsync().Ignore();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Registers the cell's reminder at every activation, which keeps its period in step with the
    /// settings. Storage that is down doesn't stop the scheduler: a timer tries again.
    /// </summary>
    private async Task StartCellWatchAsync()
    {
        var timeout = ServiceProvider.GetRequiredService<IOptions<DroneFlightOptions>>().Value.SilenceTimeout;
        var minimum = ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
        var period = timeout > minimum ? timeout : minimum;
        try
        {
            await this.RegisterOrUpdateReminder(CellWatchReminder, period, period);
            _watchRetryTimer?.Dispose();
            _watchRetryTimer = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWatchNotRegistered(logger, e, CellKey);
            _watchRetryTimer ??= this.RegisterGrainTimer(async _ => await StartCellWatchAsync(), new GrainTimerCreationOptions(WatchRetry, WatchRetry));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler {CellKey}: the cell's watch could not be registered; trying again shortly")]
    private static partial void LogWatchNotRegistered(ILogger logger, Exception exception, string cellKey);
}
