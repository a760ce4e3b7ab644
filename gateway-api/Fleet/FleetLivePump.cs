using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Tracking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Fleet;

/// <summary>
/// Feeds the fleet maps at the same bounded rate as customer tracking
/// (<see cref="TrackingPushOptions.MaxMessagesPerSecond"/>): each tick reads the cells' changes
/// and sends every free connection one message with the latest of what changed. Sends are not
/// awaited one after another, so a slow browser delays only itself.
/// </summary>
internal sealed partial class FleetLivePump(
    FleetLiveFeed feed,
    IHubContext<FleetHub> hub,
    TrackingMetrics metrics,
    IOptions<TrackingPushOptions> options,
    TimeProvider time,
    ILogger<FleetLivePump> logger) : BackgroundService
{
    public const string DronesMessage = "drones";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = new List<(FleetCursor Cursor, FleetDronesMessage Message)>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / options.Value.MaxMessagesPerSecond), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!feed.HasWatchers)
            {
                continue;
            }

            try
            {
                await feed.PollAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, e);
            }

            feed.CollectDue(due);
            foreach (var (cursor, message) in due)
            {
                _ = SendAsync(cursor, message);
            }

            due.Clear();
        }
    }

    private async Task SendAsync(FleetCursor cursor, FleetDronesMessage message)
    {
        try
        {
            await hub.Clients.Client(cursor.ConnectionId).SendAsync(DronesMessage, message);
            metrics.Sent(DronesMessage);
        }
        catch (Exception e)
        {
            LogSendFailed(logger, cursor.ConnectionId, e);
        }
        finally
        {
            cursor.InFlight = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the fleet for the live map failed; retrying at the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A fleet message to connection {ConnectionId} failed")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
