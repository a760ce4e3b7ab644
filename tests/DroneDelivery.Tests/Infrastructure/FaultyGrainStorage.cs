using Orleans.Storage;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>The silo's real grain storage, failing the calls a test armed in <see cref="StorageFaults"/>.</summary>
internal sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        faults.ThrowIfArmed(grainId, grainState.State, clear: false);
        if (faults.TakeRivalWrite(grainId, grainState.State) is T rival)
        {
            await inner.WriteStateAsync(stateName, grainId, new GrainState<T>(rival));
        }

        var lost = faults.TakeLostWriteAnswer(grainId, grainState.State);
        var known = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (lost)
        {
            grainState.ETag = known;
            throw new InconsistentStateException($"Injected: the answer to a write of {grainId} was lost, and its repeat found the row changed.", "Unknown", known);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        faults.ThrowIfArmed(grainId, grainState.State, clear: true);
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    // The Azure Table storage creates its table as the silo starts: it must still take part.
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
