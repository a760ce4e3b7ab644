namespace DroneDelivery.Bench.Scenarios;

/// <summary>A position message that reached watcher <paramref name="Watcher"/>: the bench's broadcast or a delivery's, its stamp and when it arrived.</summary>
public readonly record struct WatcherArrival(int Watcher, bool Broadcast, DateTimeOffset StampedAt, DateTimeOffset ReceivedAt);
