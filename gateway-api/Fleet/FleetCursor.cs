namespace DroneDelivery.GatewayApi.Fleet;

/// <summary>What one fleet-map connection has been sent (a feed version; -1 before its first, full message) and whether a send is under way.</summary>
internal sealed class FleetCursor(string connectionId)
{
    private volatile bool _inFlight;

    public string ConnectionId { get; } = connectionId;

    public long Version { get; set; } = -1;

    public bool InFlight
    {
        get => _inFlight;
        set => _inFlight = value;
    }
}
