using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Storage;
using DroneDelivery.ServiceDefaults.Streaming;
using Orleans.Providers;
using Orleans.Streams;

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

        // Read before the host is built, so checked here: a value out of range stops the silo, naming it.
        Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);
        switch (settings.Provider)
        {
            case TelemetryStreamProvider.Memory:
                silo.AddMemoryStreams(TelemetryStreams.ProviderName, stream =>
                {
                    stream.ConfigurePartitioning(settings.Partitions);
                    stream.ConfigurePullingAgents(settings);
                    stream.ConfigureTelemetryCache(settings);
                });
                break;
            case TelemetryStreamProvider.AzureQueue:
                var queues = AzureStorageClients.CreateQueueServiceClient(configuration);
                silo.AddAzureQueueStreams(TelemetryStreams.ProviderName, stream =>
                {
                    stream.ConfigureAzureQueue(options => options.Configure(queue =>
                    {
                        queue.QueueServiceClient = queues;
                        queue.QueueNames = settings.AzureQueueNames();
                    }));
                    stream.ConfigurePullingAgents(settings);
                });
                break;
            case TelemetryStreamProvider.EventHubs:
                silo.AddTelemetryEventHubStreams(settings, configuration);
                break;
        }

        // The store Orleans' streaming keeps explicit subscriptions in; the telemetry provider,
        // implicit only, writes nothing to it.
        silo.AddAzureTableGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options => options.Configure<TableServiceClient>((o, tables) =>
        {
            o.TableServiceClient = tables;
            o.TableName = "DroneDeliveryPubSub";
        }));
        return silo;
    }

    /// <summary>
    /// How long the cache of a provider that keeps items by age holds them once read
    /// (<see cref="TelemetryStreamSettings.CacheRetention"/>): a fix is purged once it has been in the
    /// cache that long and is that much older than the newest.
    /// </summary>
    public static void ConfigureTelemetryCache(this ISiloRecoverableStreamConfigurator stream, TelemetryStreamSettings settings) =>
        stream.ConfigureCacheEviction(options => options.Configure(cache =>
        {
            cache.DataMinTimeInCache = settings.CacheRetention;
            cache.DataMaxAgeInCache = settings.CacheRetention;

            // What lets a consumer that was purged past resume from the oldest fix kept; Orleans keeps it for twice its default.
            cache.MetadataMinTimeInCache = settings.CacheRetention * 2;
        }));

    /// <summary>
    /// How soon the pulling agents look again at a queue they found empty, and whom they deliver
    /// to: every consumer of a drone's stream subscribes implicitly, so the agents find them by
    /// type alone. With explicit subscriptions allowed, an agent registers with a rendezvous grain
    /// of each stream it sees, a stored row per drone: 10,000 drones cost 10,000 rendezvous grains
    /// and their reads and writes.
    /// </summary>
    public static void ConfigurePullingAgents(this ISiloPersistentStreamConfigurator stream, TelemetryStreamSettings settings)
    {
        stream.ConfigurePullingAgent(options => options.Configure(agent => agent.GetQueueMsgsTimerPeriod = settings.EffectivePollInterval()));
        stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
    }
}
