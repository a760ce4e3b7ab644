using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The drone's own supervisor: each drone on a mission, or flying home, watches its silence, so
/// there is no fleet-wide watcher to become a bottleneck. A grain timer checks it while the drone
/// is active. Silent for <see cref="DroneFlightOptions.SilenceTimeout"/>, the drone is Offline and
/// abandons its mission; it rejoins with its next fix. A drone that keeps reporting from its base,
/// standing still, in the middle of a mission it flew out for, is as silent about that mission: it
/// abandons it too, but stays in service. One that never took off although its pickup time has
/// passed abandons its mission and goes into maintenance.
/// A second timer, every <see cref="DroneFlightOptions.ReportCheckInterval"/>, tells the delivery
/// it flies, and each delivery that has not yet settled the end of the drone's part, when the
/// drone last reported to it: reports go one-way and die with a silo that was stopping, so the
/// delivery asks for what it missed, or releases a drone whose assignment it never stored.
/// Neither drone nor delivery holds a reminder for this: should the drone's silo be lost, the
/// cell's watch (its scheduler's one reminder) wakes every drone that needs watching, and the
/// activation starts the timers again. Parked drones with nothing to settle hold no timer.
/// </summary>
public sealed partial class DroneGrain : IRemindable
{
    // Each drone on a mission held this reminder before the cell's watch took its place.
    private const string LegacySilenceReminder = "silence-watch";

    private IGrainTimer? _silenceTimer;
    private IGrainTimer? _reportCheckTimer;

    // Server time of the last sign of life. Starts at the activation: the stored LastFixAt may be
    // up to a PersistInterval old, so after a silo's death it would call a live drone silent.
    private DateTimeOffset _lastSignOfLife;

    /// <summary>On a mission, or in the air on the way home: a drone whose silence matters.</summary>
    private bool Supervised => InFleet && state.State.Status != DroneStatus.Offline
        && (state.State.Mission is not null || state.State.Status == DroneStatus.Returning);

    /// <summary>Supervised, or with the end of a mission not yet settled by its delivery: a drone the cell's watch keeps awake.</summary>
    private bool Watched => Supervised || (InFleet && state.State.UnsettledDeliveries.Count > 0);

    /// <summary>Only a reminder left from before the cell's watch ticks here: it goes, and the timers do its work.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == LegacySilenceReminder && await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        UpdateWatch();
    }

    public Task WakeAsync()
    {
        // Being activated started the timers; this covers a drone that was active all along.
        UpdateWatch();
        return Task.CompletedTask;
    }

    public Task ReportsSettledAsync(string deliveryId)
    {
        if (state.State.UnsettledDeliveries.Remove(deliveryId))
        {
            // Stored with the next write; a drone that lost it asks once more and is settled again.
            MarkPositionDirty();
            UpdateWatch();
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts watching when the drone is activated in a state that needs it.</summary>
    private void ResumeWatching()
    {
        _lastSignOfLife = time.GetUtcNow();
        UpdateWatch();
    }

    /// <summary>Starts or stops the timers as the drone's state now needs them: after every write, an activation, a wake-up or a settled delivery.</summary>
    private void UpdateWatch()
    {
        if (Supervised)
        {
            var timeout = flight.Value.SilenceTimeout;
            _silenceTimer ??= this.RegisterGrainTimer(
                async _ => await CheckSilenceAsync(), new GrainTimerCreationOptions(timeout / 4, timeout / 4));
        }
        else
        {
            _silenceTimer?.Dispose();
            _silenceTimer = null;
        }

        if (Watched)
        {
            var interval = flight.Value.ReportCheckInterval;
            _reportCheckTimer ??= this.RegisterGrainTimer(
                _ =>
                {
                    CheckDeliveries();
                    return Task.CompletedTask;
                },
                new GrainTimerCreationOptions(interval, interval));
        }
        else
        {
            _reportCheckTimer?.Dispose();
            _reportCheckTimer = null;
        }
    }

    /// <summary>Tells the delivery it flies, and each one yet to settle, when it last reported to it.</summary>
    private void CheckDeliveries()
    {
        var current = Supervised ? state.State.Mission?.DeliveryId : null;
        if (current is not null)
        {
            AskToCatchUp(current);
        }

        foreach (var deliveryId in state.State.UnsettledDeliveries.Where(id => id != current))
        {
            AskToCatchUp(deliveryId);
        }
    }

    private void AskToCatchUp(string deliveryId) =>
        GrainFactory.Reference<IDeliveryGrain>(deliveryId).CheckDroneReportsAsync(Id, LastReportAt(deliveryId) ?? DateTimeOffset.MinValue).Ignore();

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
            // Later than every report before it, even when the drone's clock runs ahead of the
            // silo's: a delivery catching up applies only reports newer than the last it saw.
            var now = time.GetUtcNow();
            var at = state.State.LastFixAt is { } lastFix && lastFix >= now ? lastFix.AddTicks(1) : now;
            var progress = Remember(mission.DeliveryId, new DroneProgress(Id, DroneProgressKind.Aborted, at, state.State.Position!, null, null, reason, DistanceKm: state.State.MissionDistanceKm));
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
