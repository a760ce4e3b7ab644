using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Storage;
using DroneDelivery.ServiceDefaults.Streaming;
using Orleans.Providers;

namespace DroneDelivery.Silo.Streaming;

public static class TelemetryStreamingExtensions
{
    /// <summary>
    /// The telemetry stream provider named by <c>DroneDelivery:Telemetry:Provider</c>. Whatever
    /// carries the fixes, the drone grain consumes them the same way.
    /// </summary>
    public static ISiloBuilder AddTelemetryStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TelemetryStreamSettings.SectionName).Get<TelemetryStreamSettings>() ?? new();
        switch (settings.Provider)
        {
            case TelemetryStreamProvider.Memory:
                silo.AddMemoryStreams(TelemetryStreams.ProviderName, b => b.ConfigurePartitioning(settings.Partitions));
                break;
            case TelemetryStreamProvider.AzureQueue:
                var queues = AzureStorageClients.CreateQueueServiceClient(configuration);
                silo.AddAzureQueueStreams(TelemetryStreams.ProviderName, options => options.Configure(queue =>
                {
                    queue.QueueServiceClient = queues;
                    queue.QueueNames = settings.AzureQueueNames();
                }));
                break;
            case TelemetryStreamProvider.EventHubs:
                silo.AddTelemetryEventHubStreams(settings, configuration);
                break;
        }

        // Stream subscriptions and checkpoints live with the rest of the grain state.
        silo.AddAzureTableGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options => options.Configure<TableServiceClient>((o, tables) =>
        {
            o.TableServiceClient = tables;
            o.TableName = "DroneDeliveryPubSub";
        }));
        return silo;
    }
}
