using DroneDelivery.GatewayApi.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.GatewayApi.Fleet;

/// <summary>
/// The operators' live fleet map: a connection (operator key, or a ticket from
/// <c>POST /api/fleet/live-tickets</c>) first receives every drone, then what changes.
/// </summary>
[Authorize(Policy = ApiKeyDefaults.OperatorPolicy)]
internal sealed class FleetHub(FleetLiveFeed feed) : Hub
{
    public const string Path = "/hubs/fleet";

    public override Task OnConnectedAsync()
    {
        feed.Join(Context.ConnectionId);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
