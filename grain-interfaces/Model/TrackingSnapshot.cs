namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// Everything a customer's tracking view starts from: the trip, the stages so far and the current
/// state. <see cref="WatchExpiry"/> tells the watcher how soon it must watch again to stay
/// subscribed.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrackingSnapshot")]
public sealed record TrackingSnapshot(
    [property: Id(0)] Location Pickup,
    [property: Id(1)] Location Dropoff,
    [property: Id(2)] IReadOnlyList<Milestone> Milestones,
    [property: Id(3)] TrackingUpdate Current,
    [property: Id(4)] TimeSpan WatchExpiry);
