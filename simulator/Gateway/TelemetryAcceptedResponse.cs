namespace DroneDelivery.Simulator.Gateway;

/// <summary>Answer of <c>POST /api/telemetry</c>.</summary>
public sealed record TelemetryAcceptedResponse
{
    public int Accepted { get; init; }
}
