namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>What one connection has been sent of one delivery, and whether a send to it is still under way.</summary>
internal sealed class WatcherCursor(string connectionId)
{
    private volatile bool _inFlight;

    public string ConnectionId { get; } = connectionId;

    public long PositionVersion { get; set; }

    public long StatusVersion { get; set; }

    /// <summary>When this connection may next be sent a message of the delivery: its last send plus the spacing.</summary>
    public DateTimeOffset NextSendAt { get; set; }

    public bool InFlight
    {
        get => _inFlight;
        set => _inFlight = value;
    }
}
