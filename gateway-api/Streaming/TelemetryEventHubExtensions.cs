using DroneDelivery.ServiceDefaults.Streaming;

namespace DroneDelivery.GatewayApi.Streaming;

public static class TelemetryEventHubExtensions
{
    /// <summary>Publishing telemetry to Event Hubs as raw JSON, partition key = drone id, as drones do.</summary>
    public static IClientBuilder AddTelemetryEventHubStreams(this IClientBuilder client, TelemetryStreamSettings settings) =>
        throw new NotSupportedException("The Event Hubs telemetry provider is not wired yet.");
}
