using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Fleet;

public sealed partial class FleetQueryGrain
{
    /// <summary>Cells asked at once; a fleet of many cells is summed a batch at a time.</summary>
    private const int CellsPerBatch = 64;

    /// <summary>
    /// Sums the cells' summaries. Each scheduler answers from memory, so the cost is one call per
    /// cell with drones, not one per drone.
    /// </summary>
    public async Task<FleetSummary> GetSummaryAsync()
    {
        var cells = await grains.Reference<IFleetDirectoryGrain>(GrainKeys.FleetDirectory).GetCellsAsync();
        var drones = Enum.GetValues<DroneStatus>().ToDictionary(s => s, _ => 0);
        var awaiting = 0;
        DateTimeOffset? oldest = null;
        foreach (var batch in cells.Chunk(CellsPerBatch))
        {
            foreach (var cell in await Task.WhenAll(batch.Select(c => grains.Reference<ISchedulerGrain>(c).GetCellSummaryAsync())))
            {
                foreach (var (status, count) in cell.DronesByStatus)
                {
                    drones[status] += count;
                }

                awaiting += cell.AwaitingDeliveries;
                if (cell.OldestAwaitingSince is { } since && (oldest is null || since < oldest))
                {
                    oldest = since;
                }
            }
        }

        // A drone carries at most one delivery, so its phase counts the delivery in that stage.
        var deliveries = new Dictionary<DeliveryStage, int>
        {
            [DeliveryStage.AwaitingDrone] = awaiting,
            [DeliveryStage.Scheduled] = drones[DroneStatus.Assigned],
            [DeliveryStage.HeadedToPickup] = drones[DroneStatus.HeadedToPickup],
            [DeliveryStage.HeadedToDropoff] = drones[DroneStatus.HeadedToDropoff],
        };
        return new FleetSummary(drones, deliveries, awaiting, oldest, cells.Count, time.GetUtcNow());
    }
}
