using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The live positions of one region cell's drones (<see cref="GrainKeys.Cell"/>), for the
/// operators' fleet map. Drones report to it one-way, at most every few seconds and on every
/// change of status; gateways with a fleet map open read what changed since their last look.
/// </summary>
[Alias("IFleetCellFeedGrain")]
public interface IFleetCellFeedGrain : IGrainWithStringKey
{
    [Alias("Report"), OneWay]
    Task ReportAsync(FleetDronePosition drone);

    /// <summary>The drone left the cell (retired, or based elsewhere now).</summary>
    [Alias("Remove"), OneWay]
    Task RemoveAsync(string droneId);

    /// <summary>Everything newer than <paramref name="version"/> of <paramref name="epoch"/>; all of the cell for an unknown epoch.</summary>
    [Alias("GetChanges"), ReadOnly]
    Task<FleetFeedChanges> GetChangesAsync(Guid epoch, long version);
}
