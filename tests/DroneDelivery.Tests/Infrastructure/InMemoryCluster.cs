using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Grains.Diagnostics;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// One silo in memory, for tests of grain logic: memory streams and reminders, the services the
/// grains need, and grain state in memory or in a storage the test brings (to count its writes).
/// </summary>
internal static class InMemoryCluster
{
    public static async Task<InProcessTestCluster> StartAsync(IGrainStorage? storage = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore")
                .AddMemoryStreams(TelemetryStreams.ProviderName)
                .UseInMemoryReminderService();
            if (storage is null)
            {
                silo.AddMemoryGrainStorageAsDefault();
            }
            else
            {
                silo.ConfigureServices(services => services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, _) => storage));
            }
        });
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton(TimeProvider.System);
            host.Services.AddDroneDeliveryMetrics();
            configureServices?.Invoke(host.Services);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(TelemetryStreams.ProviderName));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
