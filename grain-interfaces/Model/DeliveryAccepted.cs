namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>The answer to a delivery request; a repeat of the request gets the delivery as it is now.</summary>
[GenerateSerializer, Immutable, Alias("DeliveryAccepted")]
public sealed record DeliveryAccepted(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] DeliveryStage Stage,
    [property: Id(2)] string TrackingToken,
    [property: Id(3)] string? DroneId,
    [property: Id(4)] DateTimeOffset? PickupEta,
    [property: Id(5)] DateTimeOffset? DeliveryEta);
