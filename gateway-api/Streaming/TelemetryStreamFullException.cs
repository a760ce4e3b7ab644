namespace DroneDelivery.GatewayApi.Streaming;

/// <summary>
/// The telemetry stream takes no more fixes for now: a memory stream's queue is at its limit
/// because the drone grains fall behind. Back-pressure rather than a fault, so the sender is
/// told to retry (503 with Retry-After), and no fix it sent is taken for accepted.
/// </summary>
public sealed class TelemetryStreamFullException(Exception inner)
    : Exception("The telemetry stream is taking no more fixes for now.", inner);
