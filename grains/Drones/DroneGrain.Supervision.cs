using DroneDelivery.GrainInterfaces.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The drone's own supervisor: each drone on a mission, or flying home, watches its silence, so
/// there is no fleet-wide watcher to become a bottleneck. A grain timer checks often while the
/// drone is active; a reminder, registered before the drone stores a state that needs watching,
/// brings it back on another silo if its own dies. Silent for
/// <see cref="DroneFlightOptions.SilenceTimeout"/>, the drone is Offline and abandons its mission;
/// it rejoins with its next fix. A drone that keeps reporting from its base, standing still, in
/// the middle of a mission it flew out for, is as silent about that mission: it abandons it too,
/// but stays in service. One that never took off although its pickup time has passed abandons
/// its mission and goes into maintenance. Parked drones without a mission hold neither timer nor reminder.
/// The reminder's tick also asks the delivery whether it still has this drone, which releases a
/// drone whose assignment the delivery never stored.
/// </summary>
public sealed partial class DroneGrain : IRemindable
{
    private const string SilenceReminder = "silence-watch";

    private IGrainTimer? _silenceTimer;
    private bool _reminderHeld;

    // Server time of the last sign of life. Starts at the activation: the stored LastFixAt may be
    // up to a PersistInterval old, so after a silo's death it would call a live drone silent.
    private DateTimeOffset _lastSignOfLife;

    /// <summary>On a mission, or in the air on the way home: a drone whose silence matters.</summary>
    private bool Supervised => InFleet && state.State.Status != DroneStatus.Offline
        && (state.State.Mission is not null || state.State.Status == DroneStatus.Returning);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SilenceReminder)
        {
            return;
        }

        if (!Supervised)
        {
            // A reminder that outlived its mission (an unregister that failed, or a restart).
            _reminderHeld = true;
            await StopWatchingAsync();
            return;
        }

        if (await CheckSilenceAsync() && state.State.Mission is { } mission)
        {
            // One-way, so the drone never waits on a delivery that may be waiting on it; the
            // delivery answers by releasing this drone if it doesn't hold it.
            Delivery(mission).CheckDroneAsync(Id).Ignore();
        }
    }

    /// <summary>Starts watching when the drone is activated in a state that needs it.</summary>
    private async Task ResumeWatchingAsync()
    {
        _lastSignOfLife = time.GetUtcNow();
        if (!Supervised)
        {
            return;
        }

        try
        {
            await StartWatchingAsync();
        }
        catch (Exception e)
        {
            // The timer runs regardless, and the next save registers the reminder again.
            LogWatchNotRegistered(logger, e, Id);
        }
    }

    /// <summary>Called by <see cref="SaveAsync"/> before it writes: a state that needs watching is never stored without its reminder.</summary>
    private async Task WatchBeforeSavingAsync()
    {
        if (Supervised && !_reminderHeld)
        {
            try
            {
                await StartWatchingAsync();
            }
            catch
            {
                // The change is in memory only: let the next call reload what is stored.
                DeactivateOnIdle();
                throw;
            }
        }
    }

    private async Task StartWatchingAsync()
    {
        var timeout = flight.Value.SilenceTimeout;
        _silenceTimer ??= this.RegisterGrainTimer(
            async _ => await CheckSilenceAsync(), new GrainTimerCreationOptions(timeout / 4, timeout / 4));
        if (!_reminderHeld)
        {
            var minimum = ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
            var period = timeout > minimum ? timeout : minimum;
            await this.RegisterOrUpdateReminder(SilenceReminder, period, period);
            _reminderHeld = true;
        }
    }

    /// <summary>Once the drone no longer needs watching; best effort, as a leftover reminder stops itself at its next tick.</summary>
    private async Task StopWatchingAsync()
    {
        _silenceTimer?.Dispose();
        _silenceTimer = null;
        if (!_reminderHeld)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(SilenceReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderHeld = false;
        }
        catch (Exception e)
        {
            LogWatchNotUnregistered(logger, e, Id);
        }
    }

    /// <summary>True if the drone is still heard from; otherwise it goes Offline and abandons its mission.</summary>
    private async Task<bool> CheckSilenceAsync()
    {
        if (!Supervised)
        {
            return false;
        }

        var silent = time.GetUtcNow() - _lastSignOfLife;
        if (silent < flight.Value.SilenceTimeout)
        {
            return true;
        }

        var mission = state.State.Mission;
        var parked = _parkedAtBase && mission is not null;

        // One that never took off for its mission would be given the next one just the same:
        // it waits in maintenance for an operator to look at it.
        var neverLeft = parked && state.State.Status == DroneStatus.Assigned;
        if (mission is not null)
        {
            // Told before the drone stores its new state: should that write fail, the drone
            // reloads its mission, and its next check finds the delivery gone elsewhere.
            var reason = neverLeft ? $"Drone {Id} never left its base for the delivery; it is taken out of service."
                : parked ? $"Drone {Id} is back at its base without finishing the delivery."
                : $"Drone {Id} stopped reporting.";
            var progress = Remember(mission.DeliveryId, new DroneProgress(Id, DroneProgressKind.Aborted, time.GetUtcNow(), state.State.Position!, null, null, reason, DistanceKm: state.State.MissionDistanceKm));
            Delivery(mission).OnDroneProgressAsync(progress).Ignore();
        }

        state.State.Mission = null;
        state.State.AwaitingConfirmation = false;
        state.State.MaintenanceRequested |= neverLeft;

        // A drone heard from at its base is not lost: it is back in service as its charge allows.
        state.State.Status = parked ? HomeStatus() : DroneStatus.Offline;
        await SaveAsync();
        if (parked)
        {
            LogParkedMidMission(logger, Id, silent, mission!.DeliveryId);
        }
        else
        {
            LogOffline(logger, Id, silent, mission?.DeliveryId);
        }

        return false;
    }

    /// <summary>An Offline drone heard from again is back: at home as its charge allows, else flying home.</summary>
    private void Rejoin() => state.State.Status = IsHome() ? HomeStatus() : DroneStatus.Returning;
}
