namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A delivery handed to a drone, with the ETAs the scheduler promised.</summary>
[GenerateSerializer, Immutable, Alias("Mission")]
public sealed record Mission(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] Location Pickup,
    [property: Id(2)] Location Dropoff,
    [property: Id(3)] double WeightKg,
    [property: Id(4)] DateTimeOffset PickupEta,
    [property: Id(5)] DateTimeOffset DeliveryEta,
    [property: Id(6)] ConfirmationType ConfirmationRequired = ConfirmationType.None,
    [property: Id(7)] DateTimeOffset? PickupTime = null);
