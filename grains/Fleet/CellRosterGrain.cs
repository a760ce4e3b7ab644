using DroneDelivery.GrainInterfaces;
using Orleans.Concurrency;

namespace DroneDelivery.Grains.Fleet;

/// <summary>
/// A cell's roster, kept in <see cref="CellRosterShards.Count"/> slices. Reentrant: it holds no
/// ids itself, so enrollments in different slices are written in parallel, and each slice, not
/// reentrant, orders the changes to its own ids.
/// </summary>
/// <remarks>
/// Rosters stored before the slices were one row of this grain (state "roster"). Activation moves
/// such a row's ids into their slices and then clears it, before any call is served, so a drone
/// enrolled or withdrawn afterwards can't be brought back by a late migration.
/// </remarks>
[GrainType("cell-roster"), Reentrant]
public sealed class CellRosterGrain(
    [PersistentState("roster")] IPersistentState<SortedIdsState> legacy) : Grain, ICellRosterGrain
{
    private string CellKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (legacy.State.Ids.Count == 0)
        {
            return;
        }

        // Enrolling is idempotent: if the clear fails, the next activation moves the same ids again.
        await Task.WhenAll(legacy.State.Ids
            .GroupBy(CellRosterShards.Of)
            .Select(slice => Shard(slice.Key).EnrollAsync([.. slice])));
        await legacy.ClearStateAsync(cancellationToken);
    }

    public Task EnrollAsync(string droneId) => Shard(CellRosterShards.Of(droneId)).EnrollAsync([droneId]);

    public Task WithdrawAsync(string droneId) => Shard(CellRosterShards.Of(droneId)).WithdrawAsync(droneId);

    public async Task<IReadOnlyList<string>> GetDronesAsync()
    {
        var slices = await Task.WhenAll(Enumerable.Range(0, CellRosterShards.Count).Select(i => Shard(i).GetDronesAsync()));
        var ids = new List<string>(slices.Sum(s => s.Count));
        foreach (var slice in slices)
        {
            ids.AddRange(slice);
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private ICellRosterShardGrain Shard(int shard) => CellRosterShards.Shard(GrainFactory, CellKey, shard);
}
