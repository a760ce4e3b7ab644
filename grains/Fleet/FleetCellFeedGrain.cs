using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Fleet;

/// <summary>
/// One cell's drones for the live fleet map, in memory only: positions are superseded every few
/// seconds, so losing them with an activation costs nothing. A new activation asks the cell's
/// drones where they are, and starts a new epoch so readers know to take the whole cell again.
/// </summary>
[GrainType("fleet-feed")]
public sealed class FleetCellFeedGrain(TimeProvider time) : Grain, IFleetCellFeedGrain
{
    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<string, (FleetDronePosition Drone, long Version)> _drones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _removed = new(StringComparer.Ordinal);
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var ids = await GrainFactory.Reference<ICellRosterGrain>(this.GetPrimaryKeyString()).GetDronesAsync();
        var now = time.GetUtcNow();
        foreach (var chunk in ids.Chunk(256))
        {
            // Availability reads interleave on the drone, so a drone reporting here meanwhile can't deadlock with this.
            var reports = await Task.WhenAll(chunk.Select(id => GrainFactory.Reference<IDroneGrain>(id).GetAvailabilityAsync()));
            foreach (var report in reports.OfType<DroneAvailability>())
            {
                if (!_drones.ContainsKey(report.DroneId))
                {
                    _drones[report.DroneId] = (new FleetDronePosition(report.DroneId, report.Position, 0, report.Status, now), ++_version);
                }
            }
        }
    }

    public Task ReportAsync(FleetDronePosition drone)
    {
        _drones[drone.DroneId] = (drone, ++_version);
        _removed.Remove(drone.DroneId);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string droneId)
    {
        if (_drones.Remove(droneId))
        {
            _removed[droneId] = ++_version;
        }

        return Task.CompletedTask;
    }

    public Task<FleetFeedChanges> GetChangesAsync(Guid epoch, long version)
    {
        var full = epoch != _epoch;
        var since = full ? 0 : version;
        var drones = _drones.Values.Where(d => d.Version > since).Select(d => d.Drone).ToList();
        var removed = full ? [] : _removed.Where(r => r.Value > since).Select(r => r.Key).ToList();
        return Task.FromResult(new FleetFeedChanges(_epoch, _version, full, drones, removed));
    }
}
