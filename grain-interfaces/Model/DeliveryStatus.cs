namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("DeliveryStatus")]
public sealed record DeliveryStatus(
    [property: Id(0)] DeliveryStage Stage,
    [property: Id(1)] string? DroneId,
    [property: Id(2)] Location? LastKnownLocation,
    [property: Id(3)] DateTimeOffset? PickupEta,
    [property: Id(4)] DateTimeOffset? DeliveryEta,
    [property: Id(5)] DateTimeOffset UpdatedAt);
