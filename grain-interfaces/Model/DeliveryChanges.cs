namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A business's changes to a delivery not yet picked up; null fields stay as they are.</summary>
[GenerateSerializer, Immutable, Alias("DeliveryChanges")]
public sealed record DeliveryChanges(
    [property: Id(0)] Location? Pickup,
    [property: Id(1)] Location? Dropoff,
    [property: Id(2)] DateTimeOffset? PickupTime,
    [property: Id(3)] DateTimeOffset? Deadline);
