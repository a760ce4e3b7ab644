using DroneDelivery.ServiceDefaults.Streaming;

namespace DroneDelivery.Silo.Streaming;

public static class TelemetryEventHubExtensions
{
    /// <summary>Event Hubs telemetry: drones publish raw JSON, partition key = drone id.</summary>
    public static ISiloBuilder AddTelemetryEventHubStreams(this ISiloBuilder silo, TelemetryStreamSettings settings, IConfiguration configuration) =>
        throw new NotSupportedException("The Event Hubs telemetry provider is not wired yet.");
}
