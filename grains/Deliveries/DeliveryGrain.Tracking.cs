using System.Security.Cryptography;
using System.Text;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Tracking;
using DroneDelivery.Grains.Persistence;
using Orleans.Utilities;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The delivery's watchers: one observer per gateway that has a customer watching it. Every
/// stored change and every position goes to them at once, one-way, so no gateway can slow the
/// delivery. Watchers live in memory only: a gateway renews before they expire, which also
/// re-subscribes it after this activation moved to another silo.
/// </summary>
public sealed partial class DeliveryGrain
{
    private ObserverManager<ITrackingObserver>? _watchers;

    /// <summary>The drone's latest fix for this delivery; kept in memory, superseded every second or so.</summary>
    private TrackedPosition? _position;

    public async Task<TrackingSnapshot> WatchAsync(string trackingToken, ITrackingObserver observer)
    {
        if (!await state.RecordExistsAsync() || !IsTrackingToken(trackingToken))
        {
            throw DomainException.NotFound("The delivery");
        }

        _watchers ??= new ObserverManager<ITrackingObserver>(tracking.Value.WatchExpiry, logger)
        {
            GetDateTime = () => time.GetUtcNow().UtcDateTime,
        };
        _watchers.Subscribe(observer, observer);
        var s = state.State;
        return new TrackingSnapshot(s.Request!.Pickup, s.Request.Dropoff, [.. s.Milestones], CurrentTracking(), tracking.Value.WatchExpiry);
    }

    public Task UnwatchAsync(ITrackingObserver observer)
    {
        _watchers?.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Stores the state, then tells the watchers: they never see a stage that was not stored.</summary>
    private async Task SaveAsync()
    {
        await state.WriteOrDeactivateAsync(this);
        PublishToWatchers();
        NotifyWebhooks();
    }

    private void PublishToWatchers()
    {
        if (_watchers is not { Count: > 0 })
        {
            return;
        }

        var update = CurrentTracking();
        _watchers.Notify(watcher => watcher.OnTrackingUpdateAsync(update).Ignore());
    }

    private TrackingUpdate CurrentTracking()
    {
        var s = state.State;

        // A position from a drone the delivery no longer has would show the customer the wrong drone.
        var position = _position is { } p && p.DroneId == s.DroneId ? p : null;
        return new TrackingUpdate(Id, s.Stage, s.PickupEta, s.DeliveryEta, s.UpdatedAt, position);
    }

    /// <summary>Constant-time, so the comparison itself tells an attacker nothing about the token.</summary>
    private bool IsTrackingToken(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(state.State.TrackingToken));
}
