using System.Collections.Concurrent;
using Azure.Messaging.EventHubs;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Grains.Diagnostics;
using DroneDelivery.ServiceDefaults.Storage;
using DroneDelivery.ServiceDefaults.Streaming;
using DroneDelivery.Silo.Streaming;
using DroneDelivery.Silo.Streaming.EventHubs;
using Orleans.Configuration;
using Orleans.Hosting.Developer;
using Orleans.Providers;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streaming.EventHubs;
using Orleans.Streaming.EventHubs.Testing;
using Orleans.Streams;
using Orleans.TestingHost;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A silo whose telemetry provider is the Event Hubs package's event generator instead of a hub,
/// with the rest of the production provider: <see cref="TelemetryEventDataAdapter"/> and the Azure
/// Table checkpointer on the silo's <c>TableServiceClient</c>, here on a private Azurite. Drones
/// fly <see cref="TelemetryFlight"/>s. Grain state is in memory: what is under test is the path
/// from a raw event to a grain, and the integration tests on Azurite cover grain state already.
/// One silo, so no partition moves between silos under a running flight.
/// </summary>
public sealed class EventHubTelemetryFixture : IAsyncLifetime
{
    public const int Partitions = 4;

    /// <summary>How long the silo's cache keeps an event it read, set as an operator would (<c>DroneDelivery:Telemetry:CacheRetention</c>).</summary>
    public static readonly TimeSpan CacheRetention = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, TelemetryFlight> _flights = new(StringComparer.Ordinal);
    private readonly Azurite _storage = new();

    internal InProcessTestCluster Cluster { get; private set; } = null!;

    internal Azurite Storage => _storage;

    public async Task InitializeAsync()
    {
        await _storage.StartAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration[$"ConnectionStrings:{AzureStorageSettings.ConnectionStringName}"] = _storage.ConnectionString;
            host.Services.AddSingleton(TimeProvider.System);
            host.Services.AddDroneDeliveryMetrics();
            host.Services.AddAzureTableStorage(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault()
                .AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME)
                .UseInMemoryReminderService();
            silo.AddEventDataGeneratorStreams(TelemetryStreams.ProviderName, stream =>
            {
                stream.Configure<EventDataGeneratorStreamOptions>(options => options.Configure(o => o.EventHubPartitionCount = Partitions));
                stream.UseDataAdapter(TelemetryEventDataAdapter.Create);
                stream.UseTelemetryCheckpointer();

                // Generators never stop, so keep seconds rather than a minute of events; purging is also what checkpoints.
                stream.ConfigureTelemetryCache(new TelemetryStreamSettings { CacheRetention = CacheRetention });
            });
            silo.Services.AddKeyedSingleton<Func<StreamId, IStreamDataGenerator<EventData>>>(
                TelemetryStreams.ProviderName,
                (_, _) => streamId => new TelemetryFlightGenerator(streamId, _flights[streamId.GetKeyAsString()]));
        });
        Cluster = builder.Build();
        try
        {
            await Cluster.DeployAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: don't leave Azurite behind.
            await _storage.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Cluster.DisposeAsync();
        }
        finally
        {
            await _storage.DisposeAsync();
        }
    }

    /// <summary>Takes off: the flight's generator joins one partition, whose receiver reads it from then on.</summary>
    internal async Task FlyAsync(TelemetryFlight flight)
    {
        _flights[flight.DroneId] = flight;
        var management = Cluster.Client.GetGrain<IManagementGrain>(0);

        // A generator only joins a partition whose receiver is running; before that the command is lost.
        await Eventually.Until(
            async () => (await management.SendControlCommandToProvider<PersistentStreamProvider>(
                TelemetryStreams.ProviderName, (int)PersistentStreamProviderCommand.GetNumberRunningAgents, null)).Sum(n => (int)n!) == Partitions,
            TimeSpan.FromSeconds(30),
            "every partition's pulling agent to run");
        await management.SendControlCommandToProvider<PersistentStreamProvider>(
            TelemetryStreams.ProviderName,
            (int)EventDataGeneratorAdapterFactory.Commands.Randomly_Place_Stream_To_Queue,
            new EventDataGeneratorAdapterFactory.StreamRandomPlacementArg(StreamId.Create(TelemetryStreams.Namespace, flight.DroneId), Random.Shared.Next(Partitions)));
    }

    /// <summary>Events the silos' adapter skipped for <paramref name="reason"/>.</summary>
    internal long Skipped(TelemetryRejection reason) =>
        Cluster.Silos.Sum(silo => ((TelemetryEventDataAdapter)silo.ServiceProvider.GetRequiredKeyedService<IEventHubDataAdapter>(TelemetryStreams.ProviderName)).Skipped(reason));
}
