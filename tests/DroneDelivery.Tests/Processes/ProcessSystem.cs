using System.Globalization;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// The whole system as real OS processes on loopback, as it runs in production: one Azurite,
/// silos and gateways started from their built assemblies on free ports, and the drone simulator
/// flying through the first gateway. Logs go to <c>.local/test-results/processes/{run}/</c>.
/// </summary>
internal sealed class ProcessSystem : IAsyncDisposable
{
    public const string OperatorKey = "process-operator-key-5e8a1c3f9b27";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly List<HostProcess> _silos = [];
    private readonly List<HostProcess> _gateways = [];

    private ProcessSystem(string run, SystemSize size)
    {
        Size = size;
        LogFolder = RepositoryPaths.Results(Path.Combine("processes", run));
    }

    public SystemSize Size { get; }

    public Azurite Storage { get; } = new();

    public string ClusterId { get; } = "proc-" + Guid.NewGuid().ToString("N")[..12];

    public string LogFolder { get; }

    public IReadOnlyList<HostProcess> Silos => _silos;

    public IReadOnlyList<HostProcess> Gateways => _gateways;

    public HostProcess Simulator { get; private set; } = null!;

    public Simulator.Flight.GeoPoint Center { get; } = new(47.6062, -122.3321);

    /// <summary>The gateways that run right now: where a client can send requests.</summary>
    public IReadOnlyList<Uri> LiveGateways => [.. _gateways.Where(g => g.IsRunning).Select(g => g.Address!)];

    /// <summary>Starts Azurite, the silos, the gateways and the simulator, and waits until the fleet is registered.</summary>
    public static async Task<ProcessSystem> StartAsync(string run, SystemSize size)
    {
        var system = new ProcessSystem(run + "-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture), size);
        try
        {
            await system.Storage.StartAsync();
            system.Create();
            await system.StartHostsAsync();
            system.Simulator.Start();
            await system.WaitForFleetAsync();
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }

        return system;
    }

    /// <summary>Starts a stopped host again with its settings and ports, and waits until it is ready.</summary>
    public static async Task RestartAsync(HostProcess host)
    {
        host.Start();
        await host.WaitReadyAsync(StartTimeout);
    }

    /// <summary>
    /// Starts every stopped silo and gateway at once (a gateway waits for the cluster by itself),
    /// and waits until all are ready.
    /// </summary>
    public async Task StartHostsAsync()
    {
        var stopped = _silos.Concat(_gateways).Where(h => !h.IsRunning).ToList();
        stopped.ForEach(h => h.Start());
        await Task.WhenAll(stopped.Select(h => h.WaitReadyAsync(StartTimeout)));
    }

    /// <summary>Whatever was stopped (storage, hosts, the simulator) runs again and is ready.</summary>
    public async Task EnsureRunningAsync()
    {
        if (!Storage.IsRunning)
        {
            await Storage.StartAsync();
        }

        await StartHostsAsync();
        if (!Simulator.IsRunning)
        {
            Simulator.Start();
        }
    }

    public static HttpClient CreateClient(Uri gateway, string? apiKey, ResponseLog? log = null)
    {
        var client = log is null ? new HttpClient() : new HttpClient(new RecordingHandler(log));
        client.BaseAddress = gateway;
        // The recording handler bounds each request itself, and tells a hang from a refusal.
        client.Timeout = log is null ? TimeSpan.FromSeconds(40) : Timeout.InfiniteTimeSpan;
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        // Everything, whatever state it is in: no process outlives the run.
        foreach (var host in new[] { Simulator }.Concat(_gateways).Concat(_silos))
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await Storage.DisposeAsync();
    }

    private void Create()
    {
        for (var i = 1; i <= Size.Silos; i++)
        {
            var web = FreePort.Next();
            _silos.Add(Host($"silo-{i}", "silo", "DroneDelivery.Silo", web,
            [
                $"--DroneDelivery:Cluster:SiloPort={FreePort.Next()}",
                $"--DroneDelivery:Cluster:GatewayPort={FreePort.Next()}",
                // Fast enough that a test sees reminders fire, waiting deliveries retried and lost reports caught up.
                "--DroneDelivery:Reminders:MinimumReminderPeriod=00:00:01",
                "--DroneDelivery:Scheduling:RetryPeriod=00:00:05",
                "--DroneDelivery:Drones:ReportCheckInterval=00:00:05",
                "--DroneDelivery:History:RetryPeriod=00:00:05",
            ]));
        }

        for (var i = 1; i <= Size.Gateways; i++)
        {
            var web = FreePort.Next();
            _gateways.Add(Host($"gateway-{i}", "gateway-api", "DroneDelivery.GatewayApi", web,
            [
                // One test client makes every request from one address with one key; the limits are tested elsewhere.
                "--DroneDelivery:RateLimits:PerKeyPerSecond=1000000",
                "--DroneDelivery:RateLimits:PerKeyBurst=1000000",
                "--DroneDelivery:RateLimits:PerAddressPerSecond=1000000",
                "--DroneDelivery:RateLimits:PerAddressBurst=1000000",
                "--DroneDelivery:RateLimits:RegistrationsPerAddressPerMinute=1000000",
            ]));
        }

        Simulator = new HostProcess("simulator", RepositoryPaths.BuiltAssembly("simulator", "DroneDelivery.Simulator"),
        [
            $"--DroneDelivery:Simulator:GatewayUrl={_gateways[0].Address}",
            $"--DroneDelivery:Simulator:ApiKey={OperatorKey}",
            Setting("DroneDelivery:Simulator:DroneCount", Size.Drones),
            Setting("DroneDelivery:Simulator:CenterLat", Center.Lat),
            Setting("DroneDelivery:Simulator:CenterLon", Center.Lon),
            Setting("DroneDelivery:Simulator:RadiusKm", Size.RadiusKm),
            Setting("DroneDelivery:Simulator:Speed", Size.SimulatorSpeed),
            "--DroneDelivery:Simulator:FixIntervalSeconds=0.5",
            "--DroneDelivery:Simulator:IdleFixIntervalSeconds=2",
            "--DroneDelivery:Simulator:PickupDwellSeconds=30",
            "--DroneDelivery:Simulator:ChargePctPerMinute=100",
            "--Logging:LogLevel:Default=Warning",
        ], Path.Combine(LogFolder, "simulator.log"));
    }

    private HostProcess Host(string name, string project, string assembly, int webPort, string[] own)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{webPort}");
        string[] settings =
        [
            $"--ConnectionStrings:AzureStorage={Storage.ConnectionString}",
            $"--DroneDelivery:Cluster:ClusterId={ClusterId}",
            $"--Urls={url}",
            $"--DroneDelivery:Operator:ApiKeys:0={OperatorKey}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Warning",
            .. own,
        ];
        return new HostProcess(name, RepositoryPaths.BuiltAssembly(project, assembly), settings,
            Path.Combine(LogFolder, name + ".log"), new Uri(url + "/health/ready"));
    }

    private async Task WaitForFleetAsync()
    {
        using var ops = CreateClient(_gateways[0].Address!, OperatorKey);
        await Eventually.Until(
            async () =>
            {
                var response = await ops.GetAsync(new Uri("/api/drones?limit=500", UriKind.Relative));
                return response.IsSuccessStatusCode
                    && JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray().Count >= Size.Drones;
            },
            StartTimeout,
            $"the simulator to register its {Size.Drones} drones; see {Simulator.LogFile}");
    }

    private static string Setting(string key, double value) => string.Create(CultureInfo.InvariantCulture, $"--{key}={value}");
}
