using DroneDelivery.GrainInterfaces;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Fleet;

[GrainType("fleet-directory")]
public sealed class FleetDirectoryGrain(
    [PersistentState("directory")] IPersistentState<SortedIdsState> state) : Grain, IFleetDirectoryGrain
{
    public async Task AddCellAsync(string cellKey)
    {
        if (state.State.Add(cellKey))
        {
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetCellsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Ids]);
}
