namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>The answer to a delivery request, the same every time the same request is repeated.</summary>
[GenerateSerializer, Immutable, Alias("DeliveryAccepted")]
public sealed record DeliveryAccepted(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] DeliveryStage Stage,
    [property: Id(2)] string TrackingToken);
