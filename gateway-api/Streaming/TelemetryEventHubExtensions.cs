using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Identity;
using DroneDelivery.ServiceDefaults.Streaming;

namespace DroneDelivery.GatewayApi.Streaming;

public static class TelemetryEventHubExtensions
{
    /// <summary>Publishing telemetry to Event Hubs as raw JSON, partition key = drone id, as drones do.</summary>
    public static IClientBuilder AddTelemetryEventHubStreams(this IClientBuilder client, TelemetryStreamSettings settings)
    {
        var eventHubs = settings.EventHubs;
        eventHubs.EnsureComplete();
        client.AddEventHubStreams(TelemetryStreams.ProviderName, stream =>
        {
            stream.ConfigureEventHub(options => options.Configure(hub =>
            {
                if (eventHubs.UsesManagedIdentity)
                {
                    hub.ConfigureEventHubConnection(eventHubs.FullyQualifiedNamespace!, eventHubs.HubName, eventHubs.ConsumerGroup, AzureCredentials.Default);
                }
                else
                {
                    hub.ConfigureEventHubConnection(eventHubs.ConnectionString!, eventHubs.HubName, eventHubs.ConsumerGroup);
                }
            }));
            stream.UseDataAdapter((_, _) => new TelemetryEventDataWriter());
        });
        return client;
    }
}
