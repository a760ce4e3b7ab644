namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("DeliveryDetails")]
public sealed record DeliveryDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] DeliveryRequest Request,
    [property: Id(3)] string PackageId,
    [property: Id(4)] DeliveryStage Stage,
    [property: Id(5)] string? DroneId,
    [property: Id(6)] DateTimeOffset? PickupEta,
    [property: Id(7)] DateTimeOffset? DeliveryEta,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] string TrackingToken);
