using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Storage;
using DroneDelivery.ServiceDefaults.Streaming;

namespace DroneDelivery.GatewayApi.Streaming;

public static class TelemetryStreamingExtensions
{
    /// <summary>The producing side of the telemetry streams, configured exactly as the silos consume them.</summary>
    public static IClientBuilder AddTelemetryStreams(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TelemetryStreamSettings.SectionName).Get<TelemetryStreamSettings>() ?? new();
        switch (settings.Provider)
        {
            case TelemetryStreamProvider.Memory:
                client.AddMemoryStreams(TelemetryStreams.ProviderName, b => b.ConfigurePartitioning(settings.Partitions));
                break;
            case TelemetryStreamProvider.AzureQueue:
                var queues = AzureStorageClients.CreateQueueServiceClient(configuration);
                client.AddAzureQueueStreams(TelemetryStreams.ProviderName, options => options.Configure(queue =>
                {
                    queue.QueueServiceClient = queues;
                    queue.QueueNames = settings.AzureQueueNames();
                }));
                break;
            case TelemetryStreamProvider.EventHubs:
                client.AddTelemetryEventHubStreams(settings);
                break;
        }

        return client;
    }
}
