using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>
/// What the cell's scheduler knows for operators: its drones' statuses, reported with every
/// change, and the deliveries picked up in this cell that found no drone. A waiting delivery is
/// counted here only, by its pickup cell, although it also asks the neighbouring cells; it is
/// forgotten when any cell schedules it. The list is in memory: after a restart it fills again
/// as the waiting deliveries retry.
/// </summary>
public sealed partial class SchedulerGrain
{
    private readonly Dictionary<string, DateTimeOffset> _awaiting = new(StringComparer.Ordinal);

    public Task ForgetWaitingAsync(string deliveryId)
    {
        StopAwaiting(deliveryId);
        return Task.CompletedTask;
    }

    public Task<CellSummary> GetCellSummaryAsync()
    {
        var byStatus = _drones.Values.GroupBy(d => d.Status).ToDictionary(g => g.Key, g => g.Count());
        DateTimeOffset? oldest = _awaiting.Count == 0 ? null : _awaiting.Values.Min();
        return Task.FromResult(new CellSummary(byStatus, _awaiting.Count, oldest));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Awaiting(CellKey, 0);
        return Task.CompletedTask;
    }

    private void StartAwaiting(ScheduleRequest request)
    {
        if (RegionCell.Of(request.Pickup).Key == CellKey && _awaiting.TryAdd(request.DeliveryId, request.WaitingSince ?? time.GetUtcNow()))
        {
            metrics.Awaiting(CellKey, _awaiting.Count);
            if (_drones.Count == 0 && _awaiting.Count == 1)
            {
                // A cell with no drones of its own must still be summed: the directory lists the cells the summary asks.
                GrainFactory.Reference<IFleetDirectoryGrain>(GrainKeys.FleetDirectory).AddCellAsync(CellKey).Ignore();
            }
        }
    }

    private void StopAwaiting(string deliveryId)
    {
        if (_awaiting.Remove(deliveryId))
        {
            metrics.Awaiting(CellKey, _awaiting.Count);
        }
    }
}
