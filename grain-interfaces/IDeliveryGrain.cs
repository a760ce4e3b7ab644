using DroneDelivery.GrainInterfaces.Model;

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
    /// A scheduler saw a drone become free near this delivery: try again now rather than at the
    /// next reminder. One-way, because the scheduler must never wait on a delivery that may be
    /// waiting on it.
    /// </summary>
    [Alias("DroneMayBeAvailable"), OneWay]
    Task DroneMayBeAvailableAsync();
}
