namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A drone that accepted a delivery, and when it will pick up and deliver.</summary>
[GenerateSerializer, Immutable, Alias("Assignment")]
public sealed record Assignment(
    [property: Id(0)] string DroneId,
    [property: Id(1)] DateTimeOffset PickupEta,
    [property: Id(2)] DateTimeOffset DeliveryEta);
