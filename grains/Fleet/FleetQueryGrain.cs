using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using Orleans.Concurrency;

namespace DroneDelivery.Grains.Fleet;

/// <summary>
/// Pages through the fleet cell by cell. A stateless worker: it keeps nothing between calls, so
/// any number of activations may serve operators in parallel.
/// </summary>
[GrainType("fleet-query"), StatelessWorker]
public sealed partial class FleetQueryGrain(IGrainFactory grains, TimeProvider time) : Grain, IFleetQueryGrain
{
    /// <summary>At most this many drones are looked at per page of results, so a rare status can't make one call scan the fleet.</summary>
    private const int ScanBudgetPerItem = 20;

    public async Task<DronePage> ListDronesAsync(DroneStatus? status, int limit, string? continuationToken)
    {
        var from = FleetContinuationToken.Decode(continuationToken);
        var cells = await grains.Reference<IFleetDirectoryGrain>(GrainKeys.FleetDirectory).GetCellsAsync();
        var items = new List<DroneDetails>(limit);
        var budget = limit * ScanBudgetPerItem;

        foreach (var cell in cells.Where(c => from is null || string.CompareOrdinal(c, from.Value.CellKey) >= 0))
        {
            var ids = await grains.Reference<ICellRosterGrain>(cell).GetDronesAsync();
            var remaining = ids
                .Where(id => from is null || cell != from.Value.CellKey || string.CompareOrdinal(id, from.Value.LastDroneId) > 0)
                .ToList();

            for (var start = 0; start < remaining.Count; start += limit)
            {
                var chunk = remaining.Skip(start).Take(limit).ToList();
                var details = await Task.WhenAll(chunk.Select(TryGetAsync));
                budget -= chunk.Count;
                foreach (var drone in details.OfType<DroneDetails>())
                {
                    if (status is null || drone.Status == status)
                    {
                        items.Add(drone);
                        if (items.Count == limit)
                        {
                            return new DronePage(items, new FleetContinuationToken(cell, drone.Id).Encode());
                        }
                    }
                }

                if (budget <= 0)
                {
                    // A partial page: the client follows the token as for any other page.
                    return new DronePage(items, new FleetContinuationToken(cell, chunk[^1]).Encode());
                }
            }
        }

        return new DronePage(items, null);
    }

    /// <summary>A drone retired while the page was read is simply not on it.</summary>
    private async Task<DroneDetails?> TryGetAsync(string id)
    {
        try
        {
            return await grains.Reference<IDroneGrain>(id).GetAsync();
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return null;
        }
    }
}
