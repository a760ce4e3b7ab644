namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>One region cell as its scheduler sees it: drones by status, and the deliveries picked up in the cell that wait for a drone.</summary>
[GenerateSerializer, Immutable, Alias("CellSummary")]
public sealed record CellSummary(
    [property: Id(0)] IReadOnlyDictionary<DroneStatus, int> DronesByStatus,
    [property: Id(1)] int AwaitingDeliveries,
    [property: Id(2)] DateTimeOffset? OldestAwaitingSince);
