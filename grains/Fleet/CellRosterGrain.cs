using DroneDelivery.GrainInterfaces;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Fleet;

[GrainType("cell-roster")]
public sealed class CellRosterGrain(
    [PersistentState("roster")] IPersistentState<SortedIdsState> state) : Grain, ICellRosterGrain
{
    public async Task EnrollAsync(string droneId)
    {
        if (state.State.Add(droneId))
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
