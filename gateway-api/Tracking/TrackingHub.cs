using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Errors;
using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// Customers' live tracking. No API key: <see cref="Track"/> takes the delivery's tracking
/// token, and a connection receives <c>position</c> and <c>status</c> messages of the deliveries
/// it proved a token for, and of no other.
/// </summary>
[AllowAnonymous]
internal sealed class TrackingHub(TrackingWatchers watchers) : Hub
{
    public const string Path = "/hubs/tracking";

    private const int MaxTokenLength = 128;

    /// <summary>Starts watching a delivery; answers where it stands now. A wrong id or token gets a <see cref="HubException"/>.</summary>
    public async Task<TrackingSnapshotResponse> Track(string deliveryId, string trackingToken)
    {
        if (!ValidationErrors.IsId(deliveryId) || string.IsNullOrEmpty(trackingToken) || trackingToken.Length > MaxTokenLength)
        {
            throw NotFound();
        }

        try
        {
            return TrackingSnapshotResponse.From(await watchers.WatchAsync(Context.ConnectionId, deliveryId, trackingToken));
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            throw NotFound();
        }
        catch (TrackingLimitExceededException e)
        {
            throw new HubException(e.Message);
        }
        catch (Exception e) when (ClusterUnavailability.IsUnavailable(e))
        {
            throw new HubException("Live tracking is unavailable at the moment; try again shortly.");
        }
    }

    /// <summary>Stops watching a delivery.</summary>
    public void Untrack(string deliveryId) => watchers.Unwatch(Context.ConnectionId, deliveryId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.UnwatchAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // The same answer for an unknown delivery and a wrong token: a guess learns nothing.
    private static HubException NotFound() => new("No delivery matches this tracking link.");
}
