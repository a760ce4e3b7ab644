using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>Pages through the fleet for operators. Stateless: key it with <see cref="GrainKeys.FleetDirectory"/>.</summary>
[Alias("IFleetQueryGrain")]
public interface IFleetQueryGrain : IGrainWithStringKey
{
    /// <summary>Drones in id order within each cell, optionally only those with <paramref name="status"/>.</summary>
    [Alias("ListDrones")]
    Task<DronePage> ListDronesAsync(DroneStatus? status, int limit, string? continuationToken);

    /// <summary>The whole fleet at a glance, summed over the cells' schedulers.</summary>
    [Alias("GetSummary")]
    Task<FleetSummary> GetSummaryAsync();
}
