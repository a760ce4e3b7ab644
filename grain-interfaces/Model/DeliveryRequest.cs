namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// A business's delivery request, already validated by the gateway. Value equality is what makes
/// a repeated request idempotent: the same record again is the same request.
/// </summary>
[GenerateSerializer, Immutable, Alias("DeliveryRequest")]
public sealed record DeliveryRequest(
    [property: Id(0)] Location Pickup,
    [property: Id(1)] Location Dropoff,
    [property: Id(2)] DateTimeOffset? PickupTime,
    [property: Id(3)] DateTimeOffset? Deadline,
    [property: Id(4)] bool Expedited,
    [property: Id(5)] ConfirmationType ConfirmationRequired,
    [property: Id(6)] PackageSpec Package);
