using DroneDelivery.Deploy.Tests.Infrastructure;
using DroneDelivery.GatewayApi.Hosting;
using DroneDelivery.ServiceDefaults.Cluster;
using DroneDelivery.ServiceDefaults.Operator;
using DroneDelivery.ServiceDefaults.Streaming;
using DroneDelivery.Silo.Hosting;
using DroneDelivery.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Deploy.Tests;

/// <summary>
/// What the manifests and images set is what the apps read, what they need is set, and the hosts
/// accept it: each overlay's configuration goes through the apps' own validation.
/// </summary>
public sealed class ConfigurationKeyTests
{
    public static TheoryData<string, string> OverlayWorkloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in KustomizeTree.Overlays())
        {
            foreach (var workload in Workload.In(KustomizeTree.Load(overlay)))
            {
                data.Add(Repository.Relative(overlay), workload.App.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OverlayWorkloads))]
    public void Every_variable_set_for_an_app_is_one_it_reads(string overlay, string app)
    {
        var workload = Find(overlay, app);
        foreach (var (name, setting) in workload.Environment)
        {
            var known = workload.App.ProcessVariables.Contains(name, StringComparer.Ordinal)
                || ConfigurationKeys.IsRead(workload.App, ConfigurationKeys.FromEnvironmentVariable(name));
            Assert.True(known, $"{workload}: {name} (from {setting.Origin}) is not a setting the {app} reads.");
        }
    }

    [Theory]
    [MemberData(nameof(OverlayWorkloads))]
    public void Every_setting_an_app_needs_is_set(string overlay, string app)
    {
        var workload = Find(overlay, app);
        var configuration = workload.SampleConfiguration();
        var required = ConfigurationKeys.RequiredWithoutDefault(workload.App).Concat(Needed(workload.App)).ToList();

        Assert.NotEmpty(required);
        Assert.All(required, key => Assert.True(configuration.ContainsKey(key), $"{workload}: {key} is not set."));
        Assert.All(workload.Environment.Where(e => e.Key.StartsWith("DroneDelivery__", StringComparison.Ordinal) && e.Value.From is null),
            e => Assert.False(string.IsNullOrWhiteSpace(e.Value.Value), $"{workload}: {e.Key} is empty."));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silos_and_gateways_agree_on_the_cluster_storage_and_telemetry(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        var silo = Workload.Of(tree, App.Silo).SampleConfiguration();
        var gateway = Workload.Of(tree, App.Gateway).SampleConfiguration();
        var shared = silo.Keys.Where(k => k.StartsWith("DroneDelivery:Storage:", StringComparison.Ordinal)
            || k.StartsWith("DroneDelivery:Telemetry:", StringComparison.Ordinal)
            || k is "DroneDelivery:Cluster:ClusterId" or "DroneDelivery:Cluster:ServiceId"
            || k.StartsWith("ConnectionStrings:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(shared);
        Assert.All(shared, key => Assert.Equal(silo[key], gateway.GetValueOrDefault(key)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_silo_accepts_its_configuration(string overlay)
    {
        var configuration = Workload.Of(KustomizeTree.Load(Repository.PathOf(overlay)), App.Silo).SampleConfiguration();
        // Orleans' Kubernetes hosting reads the pod from the process environment, which a test
        // can't give per host; the setting itself is checked above and in ProductionConfigurationTests.
        configuration.Remove("DroneDelivery:Cluster:Kubernetes");
        await using var silo = SiloApplication.Create(Arguments(configuration));

        var cluster = silo.Services.GetRequiredService<IOptions<ClusterSettings>>().Value;
        Assert.Equal(Workload.SamplePodIp, cluster.AdvertisedAddress);
        Assert.True(cluster.ListenOnAnyHostAddress);
        Assert.NotEmpty(silo.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.ApiKeys);
        TelemetrySettings(configuration).EventHubs.EnsureComplete();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_accepts_its_configuration(string overlay)
    {
        var configuration = Workload.Of(KustomizeTree.Load(Repository.PathOf(overlay)), App.Gateway).SampleConfiguration();
        await using var gateway = GatewayApplication.Create(Arguments(configuration));

        _ = gateway.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.NotEmpty(gateway.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.ApiKeys);
        TelemetrySettings(configuration).EventHubs.EnsureComplete();
    }

    [Fact]
    public void The_simulator_accepts_its_configuration_and_flies_for_the_gateway_service()
    {
        var tree = KustomizeTree.Load(Repository.PathOf("deploy/k8s/overlays/dev"));
        var configuration = Workload.Of(tree, App.Simulator).SampleConfiguration();
        using var simulator = SimulatorApplication.Create(Arguments(configuration));

        var options = simulator.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var gatewayUrl = new Uri(options.GatewayUrl);
        var service = Assert.Single(tree.ResourcesOf<k8s.Models.V1Service>(), s => s.Metadata.Name == gatewayUrl.Host);
        Assert.Contains(service.Spec.Ports, p => p.Port == gatewayUrl.Port);
    }

    [Theory]
    [MemberData(nameof(OverlayWorkloads))]
    public async Task Pods_are_given_longer_to_stop_than_the_host_takes_to_shut_down(string overlay, string app)
    {
        var workload = Find(overlay, app);
        var configuration = workload.SampleConfiguration();
        configuration.Remove("DroneDelivery:Cluster:Kubernetes");
        var shutdown = await ShutdownTimeoutAsync(workload.App, Arguments(configuration));
        var preStop = workload.Container.Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
        if (configuration.TryGetValue("shutdownTimeoutSeconds", out var configured))
        {
            Assert.Equal(TimeSpan.FromSeconds(int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture)), shutdown);
        }

        var grace = workload.Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds ?? 30;
        Assert.True(grace >= shutdown.TotalSeconds + preStop + 5,
            $"{workload}: terminationGracePeriodSeconds {grace} leaves no margin over {preStop} s of preStop and the host's {shutdown.TotalSeconds} s shutdown.");
    }

    public static TheoryData<string> Overlays() => [.. KustomizeTree.Overlays().Select(Repository.Relative)];

    /// <summary>Settings that have a default for local runs but must be given in a cluster.</summary>
    private static IEnumerable<string> Needed(App app)
    {
        if (app == App.Simulator)
        {
            // The default is the gateway on loopback, which is not in the simulator's pod.
            yield return "DroneDelivery:Simulator:GatewayUrl";
            yield break;
        }

        yield return "Urls";
        yield return "DroneDelivery:Cluster:ClusterId";
        yield return "DroneDelivery:Cluster:ServiceId";
        yield return "DroneDelivery:Operator:ApiKeys:0";
        yield return "DroneDelivery:Telemetry:Provider";
        yield return "DroneDelivery:Storage:TableServiceUri";
        if (app == App.Silo)
        {
            yield return "DroneDelivery:Cluster:Kubernetes";
            yield return "DroneDelivery:Cluster:AdvertisedAddress";
            yield return "DroneDelivery:Cluster:ListenOnAnyHostAddress";
            yield return "shutdownTimeoutSeconds";
            foreach (var variable in App.Silo.ProcessVariables)
            {
                yield return variable;
            }
        }
    }

    private static async Task<TimeSpan> ShutdownTimeoutAsync(App app, string[] args)
    {
        if (app == App.Simulator)
        {
            using var simulator = SimulatorApplication.Create(args);
            return simulator.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        }

        await using var host = app == App.Silo ? SiloApplication.Create(args) : GatewayApplication.Create(args);
        return host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }

    private static TelemetryStreamSettings TelemetrySettings(Dictionary<string, string> configuration)
    {
        var settings = new TelemetryStreamSettings
        {
            Provider = Enum.Parse<TelemetryStreamProvider>(configuration["DroneDelivery:Telemetry:Provider"]),
        };
        settings.EventHubs.FullyQualifiedNamespace = configuration.GetValueOrDefault("DroneDelivery:Telemetry:EventHubs:FullyQualifiedNamespace");
        settings.EventHubs.ConnectionString = configuration.GetValueOrDefault("DroneDelivery:Telemetry:EventHubs:ConnectionString");
        settings.EventHubs.HubName = configuration.GetValueOrDefault("DroneDelivery:Telemetry:EventHubs:HubName", settings.EventHubs.HubName);
        settings.EventHubs.ConsumerGroup = configuration.GetValueOrDefault("DroneDelivery:Telemetry:EventHubs:ConsumerGroup", settings.EventHubs.ConsumerGroup);
        return settings;
    }

    private static string[] Arguments(Dictionary<string, string> configuration) => [.. configuration.Select(kv => $"--{kv.Key}={kv.Value}")];

    private static Workload Find(string overlay, string app) =>
        Workload.Of(KustomizeTree.Load(Repository.PathOf(overlay)), App.All.Single(a => a.Name == app));
}
