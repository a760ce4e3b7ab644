using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Tracking;

namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// One delivery, run as a saga: package registered, drone found by the scheduler of the pickup cell
/// (or its neighbours), ETAs promised. Keyed by delivery id. Every read takes the caller's business
/// id and answers "not found" to anyone but the owner.
/// </summary>
[Alias("IDeliveryGrain")]
public interface IDeliveryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Accepts the request and schedules it. Repeating the same request answers the same; a
    /// different request under the same id is a conflict.
    /// </summary>
    [Alias("Request")]
    Task<DeliveryAccepted> RequestAsync(string ownerId, DeliveryRequest request);

    [Alias("Get"), ReadOnly]
    Task<DeliveryDetails> GetAsync(string ownerId);

    [Alias("GetStatus"), ReadOnly]
    Task<DeliveryStatus> GetStatusAsync(string ownerId);

    [Alias("GetMilestones"), ReadOnly]
    Task<IReadOnlyList<Milestone>> GetMilestonesAsync(string ownerId);

    /// <summary>
    /// The webhook events the delivery has stored, oldest first; empty when its business has no
    /// webhook. The outbox reads them to catch up on a notification that was lost.
    /// </summary>
    [Alias("GetWebhookEvents"), ReadOnly]
    Task<IReadOnlyList<WebhookEvent>> GetWebhookEventsAsync();

    /// <summary>Changes the pickup, drop-off or times until the package is picked up; the drone's mission follows.</summary>
    [Alias("Update")]
    Task<DeliveryDetails> UpdateAsync(string ownerId, DeliveryChanges changes);

    /// <summary>Cancels the delivery until it is delivered; its drone is released and flies home.</summary>
    [Alias("Cancel")]
    Task<DeliveryDetails> CancelAsync(string ownerId);

    /// <summary>Records the proof of delivery the drone captured at the drop-off; the delivery is then Delivered.</summary>
    [Alias("Confirm")]
    Task<DeliveryStatus> ConfirmAsync(Confirmation confirmation);

    /// <summary>
    /// The assigned drone's progress: position and ETAs on every fix, and its phases. One-way, so
    /// a drone never waits on its delivery while the delivery may be calling the drone.
    /// </summary>
    [Alias("OnDroneProgress"), OneWay]
    Task OnDroneProgressAsync(DroneProgress progress);

    /// <summary>
    /// A scheduler saw a drone become free near this delivery: try again now rather than at the
    /// next reminder. One-way, because the scheduler must never wait on a delivery that may be
    /// waiting on it.
    /// </summary>
    [Alias("DroneMayBeAvailable"), OneWay]
    Task DroneMayBeAvailableAsync();

    /// <summary>
    /// A drone holding this delivery's mission asks whether it still should. Unless this delivery
    /// is under way with that very drone, the drone is released: it closes the window in which a
    /// drone accepted the mission but the delivery never stored it (a silo lost, a failed write).
    /// One-way, like every call from a drone to its delivery.
    /// </summary>
    [Alias("CheckDrone"), OneWay]
    Task CheckDroneAsync(string droneId);

    /// <summary>
    /// The drone's periodic check while it flies this delivery, or until the delivery has settled
    /// the end of its part: <paramref name="lastReportAt"/> is the time of the last change of
    /// phase the drone reported for it (<see cref="DateTimeOffset.MinValue"/> if none yet; null
    /// asks for a catch-up regardless). A delivery that has seen less asks the drone for what it
    /// missed; one that is no longer under way with this drone releases it, which also settles it.
    /// One-way, like every call from a drone to its delivery.
    /// </summary>
    [Alias("CheckDroneReports"), OneWay]
    Task CheckDroneReportsAsync(string droneId, DateTimeOffset? lastReportAt);

    /// <summary>
    /// Subscribes <paramref name="observer"/> to this delivery's updates when
    /// <paramref name="trackingToken"/> is the delivery's own, and answers where it stands.
    /// The subscription lapses unless renewed within <see cref="TrackingSnapshot.WatchExpiry"/>.
    /// A wrong token is "not found", exactly like an unknown delivery.
    /// </summary>
    [Alias("Watch")]
    Task<TrackingSnapshot> WatchAsync(string trackingToken, ITrackingObserver observer);

    /// <summary>The gateway has no watcher of this delivery left.</summary>
    [Alias("Unwatch"), OneWay]
    Task UnwatchAsync(ITrackingObserver observer);
}
