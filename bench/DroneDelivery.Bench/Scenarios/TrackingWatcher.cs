using DroneDelivery.GatewayApi.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// A customer's live-tracking connection, as a real SignalR client: it watches one delivery and
/// hands every <c>position</c> message it receives, with the time it arrived, to the scenario.
/// </summary>
public sealed class TrackingWatcher : IAsyncDisposable
{
    /// <summary>Where the gateway maps its tracking hub.</summary>
    public const string HubPath = "/hubs/tracking";

    private readonly HubConnection _connection;
    private long _newestStampTicks;

    private TrackingWatcher(HubConnection connection, Action<TrackingPositionMessage, DateTimeOffset> onPosition)
    {
        _connection = connection;
        _connection.On<TrackingPositionMessage>("position", message =>
        {
            // Taken first, so the handler's own work is not in the latency.
            var receivedAt = DateTimeOffset.UtcNow;
            InterlockedMax(ref _newestStampTicks, message.At.UtcTicks);
            onPosition(message, receivedAt);
        });
    }

    /// <summary>The newest stamp of a position this watcher received; <see cref="DateTimeOffset.MinValue"/> before the first.</summary>
    public DateTimeOffset NewestStamp => new(Interlocked.Read(ref _newestStampTicks), TimeSpan.Zero);

    /// <summary>Connects to the gateway's tracking hub and proves the delivery's token with <c>Track</c>.</summary>
    public static async Task<TrackingWatcher> ConnectAsync(
        Uri gateway, TrackedDelivery delivery, Action<TrackingPositionMessage, DateTimeOffset> onPosition, CancellationToken cancellationToken)
    {
        // Straight to WebSockets: a negotiate request would keep an HTTP connection open too, and
        // every socket counts twice here (client and gateway share this process's open files).
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
            await watcher._connection.InvokeAsync<System.Text.Json.JsonElement>("Track", delivery.DeliveryId, delivery.TrackingToken, cancellationToken);
            return watcher;
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
