using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// Feeds the tracking connections at a bounded rate: every tick, each connection that is free
/// and behind gets the newest status and position of what it watches. Sends are not awaited
/// one after another, so a slow or dead client delays only itself, and it is never sent more
/// than one message of each kind at a time. The same loop renews this gateway's watches.
/// </summary>
internal sealed partial class TrackingPump(
    TrackingWatchers watchers,
    IHubContext<TrackingHub> hub,
    TrackingMetrics metrics,
    IOptions<TrackingPushOptions> options,
    TimeProvider time,
    ILogger<TrackingPump> logger) : BackgroundService
{
    public const string PositionMessage = "position";
    public const string StatusMessage = "status";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = new List<TrackingSend>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / options.Value.MaxMessagesPerSecond), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            foreach (var feed in watchers.Feeds)
            {
                feed.CollectDue(due);
                if (feed.TryBeginRenewal(now))
                {
                    _ = watchers.RenewAsync(feed);
                }
            }

            foreach (var send in due)
            {
                _ = SendAsync(send);
            }

            due.Clear();
        }
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
                metrics.Sent(PositionMessage);
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
