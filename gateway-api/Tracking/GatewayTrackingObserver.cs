using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Tracking;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// This gateway's one receiver of delivery updates. It records the latest update and starts the
/// sends it allows without awaiting them (<see cref="TrackingSender"/>), so a grain's message
/// never waits on a client.
/// </summary>
internal sealed class GatewayTrackingObserver(TrackingWatchers watchers) : ITrackingObserver
{
    public Task OnTrackingUpdateAsync(TrackingUpdate update)
    {
        watchers.OnUpdate(update);
        return Task.CompletedTask;
    }
}
