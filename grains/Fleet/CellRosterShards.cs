using DroneDelivery.GrainInterfaces;

namespace DroneDelivery.Grains.Fleet;

/// <summary>Which slice of its cell's roster a drone is kept in.</summary>
public static class CellRosterShards
{
    /// <summary>
    /// Slices per cell. Stored rosters are found by it, so it must never change. 32 slices hold
    /// about 900k drones per cell before a slice reaches Azure Table's row limit (~29k ids), and
    /// at 50k drones per cell an enrollment rewrites about 1,600 ids instead of 50,000.
    /// </summary>
    public const int Count = 32;

    /// <summary>
    /// The slice of <paramref name="droneId"/>: FNV-1a over its UTF-16 code units, the same in
    /// every process and .NET version (string.GetHashCode is randomised per process).
    /// </summary>
    public static int Of(string droneId)
    {
        var hash = 2166136261u;
        foreach (var c in droneId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    public static ICellRosterShardGrain Shard(IGrainFactory grains, string cellKey, int shard) =>
        grains.Reference<ICellRosterShardGrain>(GrainKeys.RosterShard(cellKey, shard));
}
