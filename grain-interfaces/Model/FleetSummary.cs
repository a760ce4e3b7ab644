namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// The fleet at a glance. Deliveries in flight are counted by their drones' phases (a drone
/// holds at most one delivery), and the waiting ones by the schedulers of their pickup cells.
/// </summary>
[GenerateSerializer, Immutable, Alias("FleetSummary")]
public sealed record FleetSummary(
    [property: Id(0)] IReadOnlyDictionary<DroneStatus, int> DronesByStatus,
    [property: Id(1)] IReadOnlyDictionary<DeliveryStage, int> DeliveriesByStage,
    [property: Id(2)] int AwaitingDeliveries,
    [property: Id(3)] DateTimeOffset? OldestAwaitingSince,
    [property: Id(4)] int Cells,
    [property: Id(5)] DateTimeOffset AsOf);
