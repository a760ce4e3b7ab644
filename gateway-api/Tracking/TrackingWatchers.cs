using System.Collections.Concurrent;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Tracking;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// Who watches what on this gateway. The gateway subscribes its one observer to a delivery when
/// the first connection watches it and unsubscribes when the last leaves, so a delivery's
/// updates travel only to gateways with a customer watching it: no backplane, no broadcast.
/// </summary>
internal sealed partial class TrackingWatchers
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    // Scratch space for the sends of one update, per thread: updates arrive on many at once.
    [ThreadStatic]
    private static List<TrackingSend>? _due;

    private readonly ConcurrentDictionary<string, DeliveryFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byConnection = new(StringComparer.Ordinal);
    private readonly Lock _membership = new();
    private readonly Lock _observerLock = new();
    private readonly IClusterClient _cluster;
    private readonly IOptions<TrackingPushOptions> _options;
    private readonly TimeProvider _time;
    private readonly TrackingMetrics _metrics;
    private readonly TrackingSender _sender;
    private readonly ILogger<TrackingWatchers> _logger;

    // The runtime holds an observer weakly: this field keeps it alive as long as the gateway.
    private GatewayTrackingObserver? _observer;
    private ITrackingObserver? _reference;

    public TrackingWatchers(
        IClusterClient cluster,
        IOptions<TrackingPushOptions> options,
        TimeProvider time,
        TrackingMetrics metrics,
        TrackingSender sender,
        ILogger<TrackingWatchers> logger)
    {
        _sender = sender;
        _cluster = cluster;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        metrics.ObserveWatchedDeliveries(() => _feeds.Count);
    }

    public ICollection<DeliveryFeed> Feeds => _feeds.Values;

    /// <summary>
    /// Proves the token with the delivery (which also subscribes or renews this gateway), then
    /// adds the connection as a watcher. Throws the delivery's "not found" for a wrong token.
    /// </summary>
    public async Task<TrackingSnapshot> WatchAsync(string connectionId, string deliveryId, string trackingToken)
    {
        lock (_membership)
        {
            var limit = _options.Value.MaxDeliveriesPerConnection;
            if (_byConnection.TryGetValue(connectionId, out var watched) && !watched.Contains(deliveryId) && watched.Count >= limit)
            {
                throw new TrackingLimitExceededException(limit);
            }
        }

        var snapshot = await Delivery(deliveryId).WatchAsync(trackingToken, Observer);
        DeliveryFeed feed;
        lock (_membership)
        {
            feed = _feeds.GetOrAdd(deliveryId, id => new DeliveryFeed(id, trackingToken));
            feed.RenewAt = RenewalAfter(snapshot);
            feed.Apply(snapshot.Current);
            feed.AddWatcher(connectionId);
            if (!_byConnection.TryGetValue(connectionId, out var watched))
            {
                _byConnection[connectionId] = watched = new HashSet<string>(StringComparer.Ordinal);
            }

            watched.Add(deliveryId);
        }

        // The new watcher gets where the delivery stands at once.
        SendDue(feed);

        return snapshot;
    }

    public void Unwatch(string connectionId, string deliveryId)
    {
        lock (_membership)
        {
            if (_byConnection.TryGetValue(connectionId, out var watched) && watched.Remove(deliveryId))
            {
                RemoveWatcher(connectionId, deliveryId);
            }
        }
    }

    public void UnwatchAll(string connectionId)
    {
        lock (_membership)
        {
            if (_byConnection.Remove(connectionId, out var watched))
            {
                foreach (var deliveryId in watched)
                {
                    RemoveWatcher(connectionId, deliveryId);
                }
            }
        }
    }

    public void OnUpdate(TrackingUpdate update)
    {
        _metrics.UpdateReceived();
        if (_feeds.TryGetValue(update.DeliveryId, out var feed))
        {
            feed.Apply(update);
            SendDue(feed);
        }
    }

    /// <summary>
    /// Watches again before the delivery forgets this gateway. This also re-subscribes after the
    /// delivery's activation was lost with a silo, and refreshes what the feed holds.
    /// </summary>
    public async Task RenewAsync(DeliveryFeed feed)
    {
        try
        {
            var snapshot = await Delivery(feed.DeliveryId).WatchAsync(feed.TrackingToken, Observer);
            feed.Apply(snapshot.Current);
            feed.RenewAt = RenewalAfter(snapshot);
        }
        catch (Exception e)
        {
            // The cluster is unreachable for now; the watchers keep the last state and the next try is soon.
            feed.RenewAt = _time.GetUtcNow() + RetryAfterFailure;
            LogRenewalFailed(_logger, feed.DeliveryId, e);
        }
        finally
        {
            feed.EndRenewal();
        }
    }

    private ITrackingObserver Observer
    {
        get
        {
            if (Volatile.Read(ref _reference) is { } reference)
            {
                return reference;
            }

            lock (_observerLock)
            {
                _observer ??= new GatewayTrackingObserver(this);
                return _reference ??= _cluster.CreateObjectReference<ITrackingObserver>(_observer);
            }
        }
    }

    /// <summary>The leading edge: whoever may be sent the update now gets it now, not at the pump's next tick.</summary>
    private void SendDue(DeliveryFeed feed)
    {
        var due = _due ??= [];
        _sender.SendDue(feed, due);
    }

    private void RemoveWatcher(string connectionId, string deliveryId)
    {
        if (_feeds.TryGetValue(deliveryId, out var feed) && feed.RemoveWatcher(connectionId) == 0)
        {
            _feeds.TryRemove(deliveryId, out _);
            Delivery(deliveryId).UnwatchAsync(Observer).Ignore();
        }
    }

    private DateTimeOffset RenewalAfter(TrackingSnapshot snapshot) => _time.GetUtcNow() + snapshot.WatchExpiry / 3;

    private IDeliveryGrain Delivery(string deliveryId) => _cluster.Reference<IDeliveryGrain>(deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the watch of delivery {DeliveryId}; retrying shortly")]
    private static partial void LogRenewalFailed(ILogger logger, string deliveryId, Exception exception);
}
