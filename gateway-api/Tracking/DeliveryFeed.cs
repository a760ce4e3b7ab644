using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// One delivery watched through this gateway: its latest position and status, each with a
/// version, and a cursor per watching connection saying which versions it has been sent.
/// Updates overwrite; nothing queues. A connection that is slow to take a message, or was sent
/// one moments ago, simply skips the versions that arrive meanwhile and gets the newest once it
/// is free and its spacing is over.
/// </summary>
internal sealed class DeliveryFeed(string deliveryId, string trackingToken)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WatcherCursor> _watchers = [];
    private TrackingPositionMessage? _position;
    private TrackingStatusMessage? _status;
    private long _positionVersion;
    private long _statusVersion;
    private int _renewing;

    public string DeliveryId { get; } = deliveryId;

    /// <summary>The token a watcher proved; renewals present it again. Held in memory only, never logged.</summary>
    public string TrackingToken { get; } = trackingToken;

    public DateTimeOffset RenewAt { get; set; }

    /// <summary>Takes in an update; an older one than what is held (messages may overtake each other) changes nothing.</summary>
    public void Apply(TrackingUpdate update)
    {
        lock (_lock)
        {
            if (update.Position is { } p && (_position is null || p.At >= _position.At))
            {
                var position = TrackingPositionMessage.From(DeliveryId, p);
                if (position != _position)
                {
                    _position = position;
                    _positionVersion++;
                }
            }

            if (_status is null || update.At >= _status.At)
            {
                var status = TrackingStatusMessage.From(update);
                if (status != _status)
                {
                    _status = status;
                    _statusVersion++;
                }
            }
        }
    }

    public void AddWatcher(string connectionId)
    {
        lock (_lock)
        {
            // Versions start at 0: a new watcher is sent the current position and status at once.
            _watchers.TryAdd(connectionId, new WatcherCursor(connectionId));
        }
    }

    /// <summary>Removes a watcher; answers how many remain.</summary>
    public int RemoveWatcher(string connectionId)
    {
        lock (_lock)
        {
            _watchers.Remove(connectionId);
            return _watchers.Count;
        }
    }

    /// <summary>
    /// Adds to <paramref name="due"/> a send for every watcher that is free, behind, and last sent
    /// a message at least <paramref name="spacing"/> before <paramref name="now"/>; marks it busy.
    /// </summary>
    public void CollectDue(List<TrackingSend> due, DateTimeOffset now, TimeSpan spacing)
    {
        lock (_lock)
        {
            foreach (var cursor in _watchers.Values)
            {
                if (cursor.InFlight || now < cursor.NextSendAt
                    || (cursor.PositionVersion == _positionVersion && cursor.StatusVersion == _statusVersion))
                {
                    continue;
                }

                due.Add(new TrackingSend(
                    cursor,
                    cursor.StatusVersion < _statusVersion ? _status : null,
                    cursor.PositionVersion < _positionVersion ? _position : null));
                cursor.PositionVersion = _positionVersion;
                cursor.StatusVersion = _statusVersion;
                cursor.NextSendAt = now + spacing;
                cursor.InFlight = true;
            }
        }
    }

    /// <summary>True for the one caller that may renew now; <see cref="EndRenewal"/> frees it.</summary>
    public bool TryBeginRenewal(DateTimeOffset now) => now >= RenewAt && Interlocked.CompareExchange(ref _renewing, 1, 0) == 0;

    public void EndRenewal() => Volatile.Write(ref _renewing, 0);
}
