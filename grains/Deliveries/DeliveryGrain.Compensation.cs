using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The saga's compensations: a step that fails leaves nothing of itself behind. A package
/// registered for a delivery that could not be stored is withdrawn; a drone that accepted a
/// mission the delivery could not store is released. Either undo may fail too (storage down):
/// then repeating the request mends the package (its registration is idempotent), and the
/// drone's own check asks <see cref="CheckDroneReportsAsync"/> until it is let go.
/// </summary>
public sealed partial class DeliveryGrain
{
    /// <summary>
    /// The request's steps after its package, ending in the delivery's one write: a drone, if one
    /// is free; else the saga's reminder, so a delivery left waiting is never stored without it;
    /// then the delivery, Scheduled or AwaitingDrone. A scheduled delivery needs no reminder: its
    /// drone checks on it until it has settled the drone's part (<see cref="CheckDroneReportsAsync"/>).
    /// Should a step fail, the drone that accepted and the package are let go before the caller
    /// sees the failure. A reminder left behind finds no delivery at its first tick and removes itself.
    /// Returns false when the write lost to another activation that stored this delivery first:
    /// then only what the stored delivery does not use is let go, and the request is a repeat.
    /// </summary>
    private async Task<bool> StoreRequestAsync(string packageId)
    {
        Assignment? assignment = null;
        try
        {
            assignment = await FindDroneAsync();
            if (assignment is not null)
            {
                TakeDrone(assignment);
            }
            else
            {
                await StartRetryingAsync();
                WaitForDrone();
            }

            await SaveAsync();
            if (assignment is null)
            {
                // Logged once stored, like every other stage.
                LogAwaiting(logger, Id);
            }

            return true;
        }
        catch (Exception e)
        {
            var storedMeanwhile = e is InconsistentStateException && await StoredByAnotherActivationAsync();
            if (assignment is not null && !(storedMeanwhile && state.State.DroneId == assignment.DroneId))
            {
                LogCompensating(logger, e, Id, $"releasing drone {assignment.DroneId}");
                await UndoAsync(() => GrainFactory.Reference<IDroneGrain>(assignment.DroneId).ReleaseAsync(Id));
            }

            if (!(storedMeanwhile && state.State.PackageId == packageId))
            {
                LogCompensating(logger, e, Id, "withdrawing its package");
                await UndoAsync(() => GrainFactory.Reference<IPackageGrain>(packageId).WithdrawAsync(Id));
            }

            if (storedMeanwhile)
            {
                LogStoredMeanwhile(logger, Id);
                return false;
            }

            throw;
        }
    }

    /// <summary>
    /// Whether the write that failed on its ETag lost to another activation of this delivery. While
    /// a dead silo's share of the grain directory is rebuilt, a repeated request can reach a second
    /// activation while the first is still at work; the one that stores first wins.
    /// </summary>
    private async Task<bool> StoredByAnotherActivationAsync()
    {
        try
        {
            await state.ReadStateAsync();
            return state.RecordExists;
        }
        catch (Exception e)
        {
            LogRereadFailed(logger, e, Id);
            return false;
        }
    }

    /// <summary>Stores the assignment; if that fails, releases the drone that accepted it before rethrowing.</summary>
    private async Task SaveScheduledAsync(string droneId)
    {
        try
        {
            await SaveAsync();
        }
        catch (Exception e)
        {
            LogCompensating(logger, e, Id, $"releasing drone {droneId}");
            await UndoAsync(() => GrainFactory.Reference<IDroneGrain>(droneId).ReleaseAsync(Id));
            throw;
        }
    }

    /// <summary>The caller sees the step's own failure; an undo that fails as well is logged and left to its backstop.</summary>
    private async Task UndoAsync(Func<Task> undo)
    {
        try
        {
            await undo();
        }
        catch (Exception e)
        {
            LogUndoFailed(logger, e, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} could not be stored; compensating by {Undo}")]
    private static partial void LogCompensating(ILogger logger, Exception exception, string deliveryId, string undo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} was stored first by another activation; this request is answered as its repeat")]
    private static partial void LogStoredMeanwhile(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: its write lost to another, which could not be read; undone as any failed request")]
    private static partial void LogRereadFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the compensation failed too; a repeated request or the drone's check will mend it")]
    private static partial void LogUndoFailed(ILogger logger, Exception exception, string deliveryId);
}
