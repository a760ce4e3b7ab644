namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("DroneDetails")]
public sealed record DroneDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] DroneSpec Spec,
    [property: Id(2)] DroneStatus Status,
    [property: Id(3)] Location Position,
    [property: Id(4)] double BatteryPct,
    [property: Id(5)] string? DeliveryId,
    [property: Id(6)] DateTimeOffset UpdatedAt);
