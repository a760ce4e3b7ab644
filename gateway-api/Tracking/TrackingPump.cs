namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// The trailing edge of the tracking feeds: an update that came while a connection was busy, or
/// too soon after its last message, waits here for the connection to be free and its spacing
/// over, and then it gets the newest, never a backlog. The same loop renews this gateway's watches.
/// </summary>
internal sealed class TrackingPump(TrackingWatchers watchers, TrackingSender sender, TimeProvider time) : BackgroundService
{
    // A fraction of the spacing: a held-back update waits at most this long past its turn.
    private const int TicksPerSpacing = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = new List<TrackingSend>();
        using var timer = new PeriodicTimer(sender.Spacing / TicksPerSpacing, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            foreach (var feed in watchers.Feeds)
            {
                sender.SendDue(feed, due);
                if (feed.TryBeginRenewal(now))
                {
                    _ = watchers.RenewAsync(feed);
                }
            }
        }
    }
}
