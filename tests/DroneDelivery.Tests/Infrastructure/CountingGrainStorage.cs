using System.Collections.Concurrent;
using Orleans.Storage;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>In-memory grain storage that counts the writes of each grain, to check what reaches storage.</summary>
internal sealed class CountingGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, (object State, string ETag)> _store = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();

    public int WritesOf(GrainId grain) => _writes.GetValueOrDefault(grain);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue(grainId, out var stored))
        {
            grainState.State = (T)stored.State;
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        _store[grainId] = (grainState.State!, etag);
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _store.TryRemove(grainId, out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
