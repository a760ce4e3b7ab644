using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// Sends each connection what it is due of one delivery: at once when the connection is free and
/// its last message is at least <see cref="Spacing"/> old, so a fix reaches a customer as soon as
/// it reaches the gateway; otherwise the <see cref="TrackingPump"/> sends the newest once it may.
/// Sends are not awaited one after another, so a slow or dead client delays only itself.
/// </summary>
internal sealed partial class TrackingSender(
    IHubContext<TrackingHub> hub,
    TrackingMetrics metrics,
    IOptions<TrackingPushOptions> options,
    TimeProvider time,
    ILogger<TrackingSender> logger)
{
    public const string PositionMessage = "position";
    public const string StatusMessage = "status";

    /// <summary>The least time between two messages of a kind to one connection.</summary>
    public TimeSpan Spacing { get; } = TimeSpan.FromSeconds(1.0 / options.Value.MaxMessagesPerSecond);

    /// <summary>Sends <paramref name="feed"/>'s watchers what they may be sent now; <paramref name="due"/> is scratch space, left empty.</summary>
    public void SendDue(DeliveryFeed feed, List<TrackingSend> due)
    {
        feed.CollectDue(due, time.GetUtcNow(), Spacing);
        foreach (var send in due)
        {
            _ = SendAsync(send);
        }

        due.Clear();
    }

    private async Task SendAsync(TrackingSend send)
    {
        try
        {
            var client = hub.Clients.Client(send.Cursor.ConnectionId);
            if (send.Status is { } status)
            {
                await client.SendAsync(StatusMessage, status);
                metrics.Sent(StatusMessage);
            }

            if (send.Position is { } position)
            {
                await client.SendAsync(PositionMessage, position);
                metrics.PositionSent(time.GetUtcNow() - position.At);
            }
        }
        catch (Exception e)
        {
            // The connection is going away; its disconnect removes it from the feeds.
            LogSendFailed(logger, send.Cursor.ConnectionId, e);
        }
        finally
        {
            send.Cursor.InFlight = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A tracking message to connection {ConnectionId} failed")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
