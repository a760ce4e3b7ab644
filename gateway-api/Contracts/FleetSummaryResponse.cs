using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The fleet at a glance.</summary>
/// <param name="DronesByStatus">Every drone status with its count, zeros included.</param>
/// <param name="DeliveriesByStage">Deliveries under way: waiting for a drone, and in flight by their drones' phase.</param>
/// <param name="AwaitingDeliveries">Deliveries waiting for a drone.</param>
/// <param name="OldestAwaitingSince">When the longest-waiting delivery was requested; absent when none waits.</param>
/// <param name="Cells">Region cells summed.</param>
/// <param name="AsOf">When the summary was made.</param>
public sealed record FleetSummaryResponse(
    IReadOnlyDictionary<string, int> DronesByStatus,
    IReadOnlyDictionary<string, int> DeliveriesByStage,
    int AwaitingDeliveries,
    DateTimeOffset? OldestAwaitingSince,
    int Cells,
    DateTimeOffset AsOf)
{
    public static FleetSummaryResponse From(FleetSummary s) => new(
        s.DronesByStatus.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value),
        s.DeliveriesByStage.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value),
        s.AwaitingDeliveries,
        s.OldestAwaitingSince,
        s.Cells,
        s.AsOf);
}
