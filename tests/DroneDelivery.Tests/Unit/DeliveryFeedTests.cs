using DroneDelivery.GatewayApi.Tracking;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Tests.Unit;

/// <summary>The gateway's per-delivery feed: the latest wins, nothing queues, each watcher gets what it has not seen.</summary>
public sealed class DeliveryFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_watcher_is_due_the_current_status_and_position_at_once()
    {
        var feed = Feed();
        feed.Apply(Update(1));
        feed.AddWatcher("c1");

        var send = Assert.Single(Due(feed));
        Assert.Equal("c1", send.Cursor.ConnectionId);
        Assert.Equal(DeliveryStage.HeadedToPickup, send.Status!.Stage);
        Assert.Equal(47.001, send.Position!.Lat);
    }

    [Fact]
    public void Many_updates_while_a_send_is_in_flight_become_one_send_of_the_latest()
    {
        var feed = Feed();
        feed.AddWatcher("c1");
        feed.Apply(Update(1));
        var first = Assert.Single(Due(feed));

        for (var i = 2; i <= 50; i++)
        {
            feed.Apply(Update(i));
        }

        Assert.Empty(Due(feed));
        first.Cursor.InFlight = false;
        var next = Assert.Single(Due(feed));
        Assert.Equal(47.050, next.Position!.Lat);
        Assert.Equal(Start.AddSeconds(50), next.Status!.At);

        next.Cursor.InFlight = false;
        Assert.Empty(Due(feed));
    }

    [Fact]
    public void An_older_update_arriving_late_changes_nothing()
    {
        var feed = Feed();
        feed.AddWatcher("c1");
        feed.Apply(Update(5));
        Assert.Single(Due(feed)).Cursor.InFlight = false;

        feed.Apply(Update(3));

        Assert.Empty(Due(feed));
    }

    [Fact]
    public void A_status_change_without_a_new_position_sends_only_the_status()
    {
        var feed = Feed();
        feed.AddWatcher("c1");
        feed.Apply(Update(1));
        Assert.Single(Due(feed)).Cursor.InFlight = false;

        feed.Apply(Update(1) with { Stage = DeliveryStage.Cancelled, At = Start.AddSeconds(2), PickupEta = null, DeliveryEta = null });

        var send = Assert.Single(Due(feed));
        Assert.Equal(DeliveryStage.Cancelled, send.Status!.Stage);
        Assert.Null(send.Position);
    }

    [Fact]
    public void Each_watcher_is_served_on_its_own_and_a_busy_one_does_not_hold_back_the_others()
    {
        var feed = Feed();
        feed.AddWatcher("slow");
        feed.AddWatcher("fast");
        feed.Apply(Update(1));
        var sends = Due(feed);
        Assert.Equal(["fast", "slow"], sends.Select(s => s.Cursor.ConnectionId).Order());
        sends.Single(s => s.Cursor.ConnectionId == "fast").Cursor.InFlight = false;

        feed.Apply(Update(2));

        Assert.Equal("fast", Assert.Single(Due(feed)).Cursor.ConnectionId);
        Assert.Equal(1, feed.RemoveWatcher("slow"));
    }

    [Fact]
    public void An_update_for_a_free_watcher_whose_spacing_is_over_is_due_at_once()
    {
        var feed = Feed();
        feed.AddWatcher("c1");
        feed.Apply(Update(1));
        Assert.Single(Due(feed, Start)).Cursor.InFlight = false;

        feed.Apply(Update(2));

        Assert.Equal(47.002, Assert.Single(Due(feed, Start + Spacing)).Position!.Lat);
    }

    [Fact]
    public void Updates_within_the_spacing_are_held_back_and_the_newest_goes_once_it_is_over()
    {
        var feed = Feed();
        feed.AddWatcher("c1");
        feed.Apply(Update(1));
        Assert.Single(Due(feed, Start)).Cursor.InFlight = false;

        feed.Apply(Update(2));
        Assert.Empty(Due(feed, Start + (Spacing / 2)));
        feed.Apply(Update(3));
        Assert.Empty(Due(feed, Start + Spacing - TimeSpan.FromTicks(1)));

        var next = Assert.Single(Due(feed, Start + Spacing));
        Assert.Equal(47.003, next.Position!.Lat);
    }

    private static DeliveryFeed Feed() => new("d1", "token");

    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);

    /// <summary>What is due with no spacing between messages: for the tests that are not about it.</summary>
    private static List<TrackingSend> Due(DeliveryFeed feed) => Due(feed, Start, TimeSpan.Zero);

    private static List<TrackingSend> Due(DeliveryFeed feed, DateTimeOffset now, TimeSpan? spacing = null)
    {
        var due = new List<TrackingSend>();
        feed.CollectDue(due, now, spacing ?? Spacing);
        return due;
    }

    private static TrackingUpdate Update(int second) => new(
        "d1",
        DeliveryStage.HeadedToPickup,
        Start.AddMinutes(5),
        Start.AddMinutes(10),
        Start.AddSeconds(second),
        new TrackedPosition("drone-1", new Location(47 + (second / 1000.0), -122), 90, 15, Start.AddSeconds(second)));
}
