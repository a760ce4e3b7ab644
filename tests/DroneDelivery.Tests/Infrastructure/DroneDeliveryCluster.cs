using System.Globalization;
using DroneDelivery.GatewayApi.Hosting;
using DroneDelivery.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// The real system in one test process: its own Azurite, silos built by the silo's own
/// <see cref="SiloApplication"/> (Azure Table clustering, state and reminders), and the gateway
/// built by <see cref="GatewayApplication"/> serving real HTTP on a loopback port.
/// </summary>
internal sealed class DroneDeliveryCluster : IAsyncDisposable
{
    public const string OperatorKey = "test-operator-key-4f1d2c9a8b7e";
    public const string DroneKey = "test-drone-key-8c2e5a7d1f30";

    private readonly List<WebApplication> _silos = [];
    private readonly List<WebApplication> _extraGateways = [];
    private WebApplication? _gateway;

    private readonly string[] _settings;
    private readonly Action<WebApplicationBuilder>? _configureHosts;

    private DroneDeliveryCluster(Azurite storage, string[] settings, Action<WebApplicationBuilder>? configureHosts)
    {
        Storage = storage;
        _settings = settings;
        _configureHosts = configureHosts;
    }

    public Azurite Storage { get; }

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>
    /// Reminder period of waiting deliveries. Long enough that tests of the shared cluster see
    /// waiting deliveries scheduled by being woken, not by the reminder; a test of the reminder
    /// path gives its own cluster a shorter one.
    /// </summary>
    public static TimeSpan DefaultRetryPeriod { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts at one webhook event before it is given up, unless a cluster sets its own.</summary>
    public const int WebhookMaxAttempts = 4;

    /// <summary>
    /// Silence after which a drone on a mission is taken for lost. Long enough that tests of the
    /// shared cluster, which leave assigned drones silent while they look at other things, don't
    /// see them go Offline; a test of the supervisor gives its own cluster a shorter one.
    /// </summary>
    public static TimeSpan DefaultSilenceTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a drone tells its delivery when it last reported: short, so a test of a lost report sees it caught up within seconds.</summary>
    public static TimeSpan DefaultReportCheckInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Starts Azurite and the cluster; <paramref name="settings"/> are extra <c>--Key=Value</c> settings for every host.</summary>
    public static Task<DroneDeliveryCluster> StartAsync(int silos, bool withQueues = false, params string[] settings) =>
        StartAsync(silos, withQueues, configureHosts: null, settings);

    /// <summary>As above, and <paramref name="configureHosts"/> is applied to every silo's and gateway's builder last (e.g. log recorders).</summary>
    public static async Task<DroneDeliveryCluster> StartAsync(int silos, bool withQueues, Action<WebApplicationBuilder>? configureHosts, params string[] settings)
    {
        var storage = new Azurite(withQueues);
        await storage.StartAsync();
        var cluster = new DroneDeliveryCluster(storage, settings, configureHosts);
        try
        {
            await cluster.StartProcessesAsync(silos);
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: don't leave Azurite behind.
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>An HTTP client of the gateway, with an API key if given.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public HttpClient CreateOperatorClient() => CreateClient(OperatorKey);

    public async Task StartProcessesAsync(int silos)
    {
        for (var i = 0; i < silos; i++)
        {
            _silos.Add(await StartSiloAsync(FreePort.Next(), FreePort.Next()));
        }

        (_gateway, GatewayAddress) = await StartGatewayHostAsync(port: 0);
    }

    /// <summary>
    /// Stops silo <paramref name="index"/> at once, as a crash would, and starts a new one on its
    /// ports: a new generation of the same silo, as a service restarted on its address.
    /// </summary>
    public async Task RestartSiloOnItsAddressAsync(int index)
    {
        var details = _silos[index].Services.GetRequiredService<ILocalSiloDetails>();
        var (siloPort, gatewayPort) = (details.SiloAddress.Endpoint.Port, details.GatewayAddress!.Endpoint.Port);
        await StopAtOnceAsync(_silos[index]);
        _silos[index] = await StartSiloAsync(siloPort, gatewayPort);
    }

    private async Task<WebApplication> StartSiloAsync(int siloPort, int gatewayPort)
    {
        // Settings given to the cluster come last, so they win over these defaults.
        var silo = SiloApplication.Create([
            $"--DroneDelivery:Cluster:SiloPort={siloPort}",
            $"--DroneDelivery:Cluster:GatewayPort={gatewayPort}",
            $"--DroneDelivery:Reminders:MinimumReminderPeriod={TimeSpan.FromSeconds(1)}",
            $"--DroneDelivery:Scheduling:RetryPeriod={DefaultRetryPeriod}",
            $"--DroneDelivery:Drones:SilenceTimeout={DefaultSilenceTimeout}",
            $"--DroneDelivery:Drones:ReportCheckInterval={DefaultReportCheckInterval}",
            $"--DroneDelivery:History:RetryPeriod={TimeSpan.FromSeconds(2)}",

            // Webhook retries within a test's patience; the reminder wakes an outbox within seconds of a restart.
            $"--DroneDelivery:Webhooks:MaxAttempts={WebhookMaxAttempts}",
            $"--DroneDelivery:Webhooks:InitialBackoff={TimeSpan.FromMilliseconds(200)}",
            $"--DroneDelivery:Webhooks:MaxBackoff={TimeSpan.FromSeconds(1)}",
            $"--DroneDelivery:Webhooks:ReminderPeriod={TimeSpan.FromSeconds(2)}",
            $"--DroneDelivery:Operator:ApiKeys:0={OperatorKey}",
            .. CommonArgs()], _configureHosts);
        await silo.StartAsync();
        return silo;
    }

    /// <summary>
    /// Starts one more gateway on this cluster, on <paramref name="port"/> (0: a free one), ready
    /// when this returns. It stops with the cluster, or earlier through <see cref="StopGatewayAsync"/>.
    /// </summary>
    public async Task<Uri> StartGatewayAsync(int port = 0, params string[] settings)
    {
        var (gateway, address) = await StartGatewayHostAsync(port, settings);
        _extraGateways.Add(gateway);
        return address;
    }

    /// <summary>Stops a gateway started by <see cref="StartGatewayAsync"/>, gracefully.</summary>
    public async Task StopGatewayAsync(Uri address)
    {
        var gateway = _extraGateways.Single(g => new Uri(BoundAddress(g)) == address);
        _extraGateways.Remove(gateway);
        await gateway.StopAsync();
        await gateway.DisposeAsync();
    }

    private async Task<(WebApplication Gateway, Uri Address)> StartGatewayHostAsync(int port, params string[] settings)
    {
        var gateway = GatewayApplication.Create([
            // Tests make hundreds of requests a second from one address with one key; the limits are tested on their own.
            "--DroneDelivery:RateLimits:PerKeyPerSecond=1000000",
            "--DroneDelivery:RateLimits:PerKeyBurst=1000000",
            "--DroneDelivery:RateLimits:PerAddressPerSecond=1000000",
            "--DroneDelivery:RateLimits:PerAddressBurst=1000000",
            "--DroneDelivery:RateLimits:RegistrationsPerAddressPerMinute=1000000",
            .. CommonArgs(),
            $"--Urls=http://127.0.0.1:{port}",
            $"--DroneDelivery:Operator:ApiKeys:0={OperatorKey}",
            $"--DroneDelivery:Operator:DroneApiKeys:0={DroneKey}",
            .. settings], _configureHosts);
        await gateway.StartAsync();
        var address = new Uri(BoundAddress(gateway));

        using var http = new HttpClient { BaseAddress = address };
        await Eventually.Until(
            async () => (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            "the gateway to be ready");
        return (gateway, address);
    }

    /// <summary>Grains, called from inside the first silo: for what no public endpoint does.</summary>
    public IGrainFactory Grains => _silos[0].Services.GetRequiredService<IGrainFactory>();

    /// <summary>Each silo's services, for a test that must reach past the grains.</summary>
    public IEnumerable<IServiceProvider> SiloServices => _silos.Select(s => s.Services);

    /// <summary>The first gateway's services, for a test that must reach past its endpoints.</summary>
    public IServiceProvider GatewayServices => _gateway!.Services;

    /// <summary>Silo web hosts' addresses (health endpoints).</summary>
    public IEnumerable<Uri> SiloAddresses => _silos.Select(s => new Uri(BoundAddress(s)));

    /// <summary>Stops the gateway, then every silo, gracefully: grains deactivate, silos leave the cluster.</summary>
    public async Task StopProcessesAsync()
    {
        foreach (var gateway in _extraGateways)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        _extraGateways.Clear();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
            _gateway = null;
        }

        await StopSilosAsync();
    }

    /// <summary>
    /// Stops the silo hosting <paramref name="grain"/> the way a crash would: not gracefully, so
    /// its grains are not deactivated and write nothing; the other silos must find it gone.
    /// </summary>
    public async Task KillSiloHostingAsync(IAddressable grain)
    {
        var address = await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        var silo = _silos.Single(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Equals(address));
        _silos.Remove(silo);
        await StopAtOnceAsync(silo);
    }

    private static async Task StopAtOnceAsync(WebApplication silo)
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try
        {
            await silo.StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
            // The cancelled token is the point: stop at once.
        }

        await silo.DisposeAsync();
    }

    /// <summary>Stops every silo gracefully and leaves the gateway running without a cluster.</summary>
    public async Task StopSilosAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }

        _silos.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopProcessesAsync();
        }
        finally
        {
            await Storage.DisposeAsync();
        }
    }

    private string[] CommonArgs() =>
    [
        $"--ConnectionStrings:AzureStorage={Storage.ConnectionString}",
        $"--DroneDelivery:Cluster:ClusterId={ClusterId}",
        "--Urls=http://127.0.0.1:0",
        "--environment=Testing",

        // The tests' webhook receivers listen on plain http on loopback, as in development.
        "--DroneDelivery:Webhooks:AllowHttp=true",
        "--DroneDelivery:Webhooks:AllowPrivateTargets=true",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Orleans=Error",
        .. _settings,
    ];

    private static string BoundAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Single(a => a.StartsWith("http://", StringComparison.Ordinal));
}
