using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Fleet;

/// <summary>
/// This gateway's copy of the fleet for its fleet-map connections. While any is open, the
/// <see cref="FleetLivePump"/> asks each cell's feed for what changed since the last look (one
/// call per cell, whatever the number of drones) and sends each connection what it has not
/// seen: the latest of every drone, never a backlog. With no connection open it asks nothing.
/// </summary>
internal sealed partial class FleetLiveFeed(IClusterClient cluster, TimeProvider time, ILogger<FleetLiveFeed> logger)
{
    private const int CellsPerBatch = 64;
    private static readonly TimeSpan CellsRefresh = TimeSpan.FromSeconds(10);

    // Connections come and go on hub threads; everything else is touched by the pump's loop only.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FleetCursor> _watchers = new(StringComparer.Ordinal);

    private readonly Dictionary<string, (Guid Epoch, long Version)> _cells = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FleetDroneMessage Drone, string Cell, long Version)> _drones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _removed = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _cellKeys = [];
    private DateTimeOffset _cellsReadAt = DateTimeOffset.MinValue;
    private long _version;

    public bool HasWatchers
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count > 0;
            }
        }
    }

    public void Join(string connectionId)
    {
        lock (_lock)
        {
            _watchers[connectionId] = new FleetCursor(connectionId);
        }
    }

    public void Leave(string connectionId)
    {
        lock (_lock)
        {
            _watchers.Remove(connectionId);
        }
    }

    /// <summary>Brings the copy up to date, cell by cell; a cell that can't be read now keeps what it had.</summary>
    public async Task PollAsync()
    {
        var now = time.GetUtcNow();
        if (now - _cellsReadAt > CellsRefresh)
        {
            _cellKeys = await cluster.Reference<IFleetDirectoryGrain>(GrainKeys.FleetDirectory).GetCellsAsync();
            _cellsReadAt = now;
        }

        foreach (var batch in _cellKeys.Chunk(CellsPerBatch))
        {
            var changes = await Task.WhenAll(batch.Select(ReadCellAsync));
            foreach (var (cell, cellChanges) in batch.Zip(changes))
            {
                if (cellChanges is not null)
                {
                    Apply(cell, cellChanges);
                }
            }
        }
    }

    /// <summary>For every free connection that is behind: the message that brings it up to date.</summary>
    public void CollectDue(List<(FleetCursor Cursor, FleetDronesMessage Message)> due)
    {
        List<FleetCursor> watchers;
        lock (_lock)
        {
            watchers = [.. _watchers.Values];
        }

        foreach (var cursor in watchers.Where(c => !c.InFlight && c.Version < _version))
        {
            var full = cursor.Version < 0;
            var since = cursor.Version;
            var drones = _drones.Values.Where(d => full || d.Version > since).Select(d => d.Drone).ToList();
            IReadOnlyList<string> removed = full ? [] : [.. _removed.Where(r => r.Value > since).Select(r => r.Key)];
            cursor.Version = _version;
            cursor.InFlight = true;
            due.Add((cursor, new FleetDronesMessage(full, drones, removed)));
        }
    }

    private async Task<FleetFeedChanges?> ReadCellAsync(string cell)
    {
        var (epoch, version) = _cells.GetValueOrDefault(cell);
        try
        {
            return await cluster.Reference<IFleetCellFeedGrain>(cell).GetChangesAsync(epoch, version);
        }
        catch (Exception e)
        {
            LogCellUnreadable(logger, cell, e);
            return null;
        }
    }

    private void Apply(string cell, FleetFeedChanges changes)
    {
        if (changes.Full)
        {
            // A new activation of the cell's feed: what it no longer has has left the map.
            var present = changes.Drones.Select(d => d.DroneId).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _drones.Where(d => d.Value.Cell == cell && !present.Contains(d.Key)).Select(d => d.Key).ToList())
            {
                Remove(gone);
            }
        }

        foreach (var drone in changes.Drones)
        {
            _drones[drone.DroneId] = (FleetDroneMessage.From(drone), cell, ++_version);
            _removed.Remove(drone.DroneId);
        }

        foreach (var droneId in changes.Removed)
        {
            Remove(droneId);
        }

        _cells[cell] = (changes.Epoch, changes.Version);
    }

    private void Remove(string droneId)
    {
        if (_drones.Remove(droneId))
        {
            _removed[droneId] = ++_version;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The fleet feed of cell {CellKey} could not be read; the map keeps its last state")]
    private static partial void LogCellUnreadable(ILogger logger, string cellKey, Exception exception);
}
