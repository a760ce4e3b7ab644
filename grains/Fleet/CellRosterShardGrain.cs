using DroneDelivery.GrainInterfaces;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Fleet;

[GrainType("cell-roster-shard")]
public sealed class CellRosterShardGrain(
    [PersistentState("roster")] IPersistentState<SortedIdsState> state) : Grain, ICellRosterShardGrain
{
    public async Task EnrollAsync(IReadOnlyList<string> droneIds)
    {
        var added = false;
        foreach (var id in droneIds)
        {
            added |= state.State.Add(id);
        }

        if (added)
        {
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public async Task WithdrawAsync(string droneId)
    {
        if (state.State.Remove(droneId))
        {
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetDronesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Ids]);
}
