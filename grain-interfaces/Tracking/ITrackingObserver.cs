using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces.Tracking;

/// <summary>
/// A gateway's receiver of the deliveries its customers watch. Each gateway registers one with
/// every delivery it has a watcher for, so updates reach only the gateways that need them.
/// </summary>
[Alias("ITrackingObserver")]
public interface ITrackingObserver : IGrainObserver
{
    /// <summary>One-way: a delivery never waits for, or is slowed by, a gateway and its clients.</summary>
    [Alias("OnTrackingUpdate"), OneWay]
    Task OnTrackingUpdateAsync(TrackingUpdate update);
}
