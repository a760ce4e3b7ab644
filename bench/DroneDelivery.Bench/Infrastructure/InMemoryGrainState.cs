using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// Grain state in the silo's memory, with the same ETag checks as a table, for measuring what
/// storage costs. The silo has no switch for this, and Orleans' own memory storage can't stand in
/// for the already registered default (the silo's lifecycle expects a participant under that name),
/// so this one is both.
/// </summary>
public sealed class InMemoryGrainState(DeepCopier copier) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<(string, GrainId), (object State, long Version)> _rows = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = copier.Copy((T)row.State);
            grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var version = _rows.AddOrUpdate(
            key,
            _ => grainState.ETag is null ? ((object)copier.Copy(grainState.State)!, 1L) : throw Conflict(grainState.ETag, null),
            (_, row) => grainState.ETag == row.Version.ToString(CultureInfo.InvariantCulture)
                ? ((object)copier.Copy(grainState.State)!, row.Version + 1)
                : throw Conflict(grainState.ETag, row.Version)).Version;
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Nothing to open or close.</summary>
    public void Participate(ISiloLifecycle lifecycle)
    {
    }

    private static InconsistentStateException Conflict(string? etag, long? stored) =>
        new("The state was changed by another writer.", stored?.ToString(CultureInfo.InvariantCulture) ?? "none", etag ?? "none");
}
