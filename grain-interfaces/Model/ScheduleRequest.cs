namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>What a scheduler needs to pick a drone for a delivery.</summary>
[GenerateSerializer, Immutable, Alias("ScheduleRequest")]
public sealed record ScheduleRequest(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] Location Pickup,
    [property: Id(2)] Location Dropoff,
    [property: Id(3)] double WeightKg,
    [property: Id(4)] DateTimeOffset? PickupTime,
    [property: Id(5)] ConfirmationType ConfirmationRequired = ConfirmationType.None,
    [property: Id(6)] DateTimeOffset? WaitingSince = null);
