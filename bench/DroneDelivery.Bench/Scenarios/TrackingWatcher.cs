using DroneDelivery.GatewayApi.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// A customer's live-tracking connection, as a real SignalR client: it watches one delivery and
/// hands every <c>position</c> message it receives, with the time it arrived, to its host.
/// </summary>
public sealed class TrackingWatcher : IAsyncDisposable
{
    /// <summary>Where the gateway maps its tracking hub.</summary>
    public const string HubPath = "/hubs/tracking";

    private readonly HubConnection _connection;

    private TrackingWatcher(HubConnection connection, Action<TrackingPositionMessage, DateTimeOffset> onPosition)
    {
        _connection = connection;

        // The arrival is taken first, so the handler's own work is not in the latency.
        _connection.On<TrackingPositionMessage>("position", message => onPosition(message, DateTimeOffset.UtcNow));
    }

    /// <summary>Connects to the gateway's tracking hub and proves the delivery's token with <c>Track</c>.</summary>
    public static async Task<TrackingWatcher> ConnectAsync(
        Uri gateway, string deliveryId, string trackingToken, Action<TrackingPositionMessage, DateTimeOffset> onPosition, CancellationToken cancellationToken)
    {
        // Straight to WebSockets: a negotiate request would hold one more connection per watcher,
        // and each one is an open file of a process allowed only so many.
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, HubPath), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var watcher = new TrackingWatcher(connection, onPosition);
        try
        {
            await watcher._connection.StartAsync(cancellationToken);
            await watcher._connection.InvokeAsync<System.Text.Json.JsonElement>("Track", deliveryId, trackingToken, cancellationToken);
            return watcher;
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
