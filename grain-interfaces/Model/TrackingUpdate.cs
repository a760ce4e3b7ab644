namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// What a watcher of a delivery sees change: its stage and ETAs, and its drone's latest position
/// (null before a drone has reported for it). Sent whole every time, so a watcher that missed
/// one needs nothing but the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrackingUpdate")]
public sealed record TrackingUpdate(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] DeliveryStage Stage,
    [property: Id(2)] DateTimeOffset? PickupEta,
    [property: Id(3)] DateTimeOffset? DeliveryEta,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] TrackedPosition? Position);
