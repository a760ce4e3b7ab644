using DroneDelivery.GatewayApi.Hosting;
using DroneDelivery.GatewayApi.Tracking;
using DroneDelivery.ServiceDefaults.Streaming;
using DroneDelivery.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Providers;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// What a scenario measures: a fresh Azurite, one silo built by <see cref="SiloApplication"/> and
/// one gateway built by <see cref="GatewayApplication"/> (plus the ceiling endpoints), on free
/// loopback ports in this process, with a cluster id of its own. Telemetry travels over memory
/// streams, or over Azure Queue streams on the same Azurite.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    public const string OperatorKey = "bench-operator-key-5d0c7e21a9f4";
    public const string DroneKey = "bench-drone-key-93be40c6d17a";

    private readonly AzuriteProcess _storage;
    private readonly string _clusterId = "bench-" + Guid.NewGuid().ToString("N")[..12];
    private WebApplication? _silo;
    private WebApplication? _gateway;

    private BenchSystem(bool memoryGrainStorage, TelemetryStreamProvider telemetry)
    {
        MemoryGrainStorage = memoryGrainStorage;
        Telemetry = telemetry;
        _storage = new AzuriteProcess(withQueues: telemetry == TelemetryStreamProvider.AzureQueue);
    }

    /// <summary>Grain state and reminders kept in silo memory instead of Azure Table storage.</summary>
    public bool MemoryGrainStorage { get; }

    /// <summary>What carries telemetry: <c>Memory</c> or <c>AzureQueue</c> (Event Hubs has no emulator here).</summary>
    public TelemetryStreamProvider Telemetry { get; }

    public string StorageConnectionString => _storage.ConnectionString;

    /// <summary>The port of this system's Azurite, to tell its requests from any other's.</summary>
    public int StoragePort => _storage.Port;

    /// <summary>The port of this system's Azurite queue service; 0 unless telemetry goes over Azure queues.</summary>
    public int QueuePort => _storage.QueuePort;

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>The gateway's own cluster client, for ceilings measured without HTTP.</summary>
    public IClusterClient ClusterClient => _gateway!.Services.GetRequiredService<IClusterClient>();

    /// <summary>The gateway's services, for what a ceiling must do exactly as the gateway does.</summary>
    public IServiceProvider GatewayServices => _gateway!.Services;

    /// <summary>The telemetry streams' settings, as the gateway read them (the silo reads the same).</summary>
    public TelemetryStreamSettings TelemetrySettings =>
        _gateway!.Services.GetRequiredService<IConfiguration>().GetSection(TelemetryStreamSettings.SectionName).Get<TelemetryStreamSettings>() ?? new();

    /// <summary>How the gateway feeds tracking connections, as it was configured (the most position messages a connection gets per second).</summary>
    public TrackingPushOptions TrackingPush => _gateway!.Services.GetRequiredService<IOptions<TrackingPushOptions>>().Value;

    /// <summary>The silo's meter factory: its meters, and no other host's in this process, carry it as their scope.</summary>
    public System.Diagnostics.Metrics.IMeterFactory SiloMeters => _silo!.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    /// <summary>The gateway's meter factory, likewise.</summary>
    public System.Diagnostics.Metrics.IMeterFactory GatewayMeters => _gateway!.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public static async Task<BenchSystem> StartAsync(bool memoryGrainStorage, CancellationToken cancellationToken, TelemetryStreamProvider telemetry = TelemetryStreamProvider.Memory)
    {
        if (telemetry is not (TelemetryStreamProvider.Memory or TelemetryStreamProvider.AzureQueue))
        {
            throw new ArgumentOutOfRangeException(nameof(telemetry), telemetry, "The bench carries telemetry over memory or Azure Queue streams.");
        }

        var system = new BenchSystem(memoryGrainStorage, telemetry);
        try
        {
            await system.StartHostsAsync(cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client of the gateway sending <paramref name="apiKey"/>, sized for the load.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    private async Task StartHostsAsync(CancellationToken cancellationToken)
    {
        await _storage.StartAsync(cancellationToken);

        _silo = SiloApplication.Create([
            .. CommonArgs(),
            // A scenario's drones are assigned long before some fly (10,000 watchers take minutes
            // to connect): silent meanwhile, they are not lost, and must not give their deliveries up.
            "--DroneDelivery:Drones:SilenceTimeout=00:30:00",
            $"--DroneDelivery:Cluster:SiloPort={FreePort.Next()}",
            $"--DroneDelivery:Cluster:GatewayPort={FreePort.Next()}"], ConfigureSilo);
        await _silo.StartAsync(cancellationToken);

        _gateway = GatewayApplication.Create([
            .. CommonArgs(),
            $"--DroneDelivery:Operator:DroneApiKeys:0={DroneKey}",
            // The load comes from one address with a handful of keys: the limits would measure themselves.
            "--DroneDelivery:RateLimits:PerKeyPerSecond=1000000",
            "--DroneDelivery:RateLimits:PerKeyBurst=1000000",
            "--DroneDelivery:RateLimits:PerAddressPerSecond=1000000",
            "--DroneDelivery:RateLimits:PerAddressBurst=1000000",
            "--DroneDelivery:RateLimits:RegistrationsPerAddressPerMinute=1000000"]);
        _gateway.MapBenchEndpoints();
        await _gateway.StartAsync(cancellationToken);
        GatewayAddress = new Uri(_gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        using var http = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken)).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The gateway was not ready within 60 s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private void ConfigureSilo(WebApplicationBuilder builder)
    {
        if (MemoryGrainStorage)
        {
            // Registered after the silo's Azure Table default, so it is what "Default" resolves to.
            builder.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(
                ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                (services, _) => ActivatorUtilities.CreateInstance<InMemoryGrainState>(services));

            // And the reminders, so no request waits on Azurite: the run measures the compute path alone.
            builder.Services.AddSingleton<IReminderTable, InMemoryReminderRows>();
        }
    }

    private string[] CommonArgs() =>
    [
        $"--ConnectionStrings:AzureStorage={_storage.ConnectionString}",
        $"--DroneDelivery:Cluster:ClusterId={_clusterId}",
        $"--DroneDelivery:Telemetry:Provider={Telemetry}",
        $"--DroneDelivery:Operator:ApiKeys:0={OperatorKey}",
        "--Urls=http://127.0.0.1:0",
        "--environment=Production",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Orleans=Error",
    ];

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var host in new[] { _gateway, _silo })
            {
                if (host is not null)
                {
                    await host.StopAsync();
                    await host.DisposeAsync();
                }
            }
        }
        finally
        {
            // Even when a host failed to start or stop, Azurite must not outlive the run.
            await _storage.DisposeAsync();
        }
    }
}
