using DroneDelivery.Deploy.Tests.Infrastructure;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Reminders.AzureStorage;

namespace DroneDelivery.Deploy.Tests;

/// <summary><c>deploy/azure</c>, compiled by the Bicep CLI, against what the code and the manifests expect.</summary>
public sealed class BicepTests(MainTemplateBuild main) : IClassFixture<MainTemplateBuild>
{
    private static readonly string MainTemplate = MainTemplateBuild.TemplatePath;
    private readonly BicepBuild _build = main.Result;

    [Fact]
    public void The_template_and_its_modules_build_without_errors_or_warnings()
    {
        Assert.True(_build.ExitCode == 0, $"bicep build failed:\n{_build.Diagnostics}");
        Assert.DoesNotContain(" : Error ", _build.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain(" : Warning ", _build.Diagnostics, StringComparison.Ordinal);
        Assert.StartsWith("{", _build.Json.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_holds_every_table_the_silo_uses()
    {
        // The silo as the production overlay configures it, with the table names it actually resolves.
        // Kubernetes hosting is left off: it reads the pod from the process environment, and names no table.
        var production = Workload.Of(KustomizeTree.Load(Repository.PathOf("deploy/k8s/overlays/prod")), App.Silo).SampleConfiguration();
        production.Remove("DroneDelivery:Cluster:Kubernetes");
        await using var silo = SiloApplication.Create([.. production.Select(kv => $"--{kv.Key}={kv.Value}")]);
        var services = silo.Services;
        string[] tables =
        [
            services.GetRequiredService<IOptions<AzureStorageClusteringOptions>>().Value.TableName,
            services.GetRequiredService<IOptions<AzureTableReminderStorageOptions>>().Value.TableName,
            services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).TableName,
            services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME).TableName,
            services.GetRequiredService<IOptionsMonitor<AzureTableStreamCheckpointerOptions>>().Get(TelemetryStreams.ProviderName).TableName,
        ];

        var storage = File.ReadAllText(Repository.PathOf("deploy/azure/modules/storage.bicep"));
        foreach (var table in tables)
        {
            Assert.Contains($"'{table}'", storage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_telemetry_hub_and_consumer_group_are_the_ones_the_hosts_are_configured_with()
    {
        var shared = KustomizeTree.Load(Repository.PathOf("deploy/k8s/base")).ConfigMaps["drone-delivery-shared"];
        var eventHubs = File.ReadAllText(Repository.PathOf("deploy/azure/modules/eventhubs.bicep"));

        Assert.Contains($"name: '{shared["DroneDelivery__Telemetry__EventHubs__HubName"]}'", eventHubs, StringComparison.Ordinal);
        Assert.Contains($"name: '{shared["DroneDelivery__Telemetry__EventHubs__ConsumerGroup"]}'", eventHubs, StringComparison.Ordinal);
    }

    [Fact]
    public void Managed_identities_get_data_roles_only()
    {
        string[] granted =
        [
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "a638d3c7-ab3a-418d-83e6-5f17a39d4fde", // Azure Event Hubs Data Receiver
            "2b629674-e913-4c01-ae53-ef4638d8f975", // Azure Event Hubs Data Sender
            "7f951dda-4ed3-4680-a7ca-43fe172d538d", // AcrPull
        ];
        string[] tooBroad =
        [
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
            "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
            "17d1049b-9a84-46fb-8f53-869881c3d3ab", // Storage Account Contributor
            "f526a384-b230-433a-b45c-95f59c4a2dec", // Azure Event Hubs Data Owner
        ];

        foreach (var role in granted)
        {
            Assert.Contains(role, _build.Json, StringComparison.Ordinal);
        }

        foreach (var role in tooBroad)
        {
            Assert.DoesNotContain(role, _build.Json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Workload_identities_trust_the_service_accounts_of_the_pods_that_use_them()
    {
        var identities = File.ReadAllText(Repository.PathOf("deploy/azure/modules/identities.bicep"));
        Assert.Contains("var workloads = ['silo', 'gateway']", identities, StringComparison.Ordinal);
        Assert.Contains("system:serviceaccount:${kubernetesNamespace}:${workload}", identities, StringComparison.Ordinal);

        var tree = KustomizeTree.Load(Repository.PathOf("deploy/k8s/base"));
        foreach (var app in new[] { App.Silo, App.Gateway })
        {
            Assert.Equal(app.Name, Workload.Of(tree, app).Deployment.Spec.Template.Spec.ServiceAccountName);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_overlay_deploys_to_the_namespace_its_identities_are_federated_with(string environment)
    {
        // main.bicep: 'drone-delivery' in prod, 'drone-delivery-<env>' elsewhere.
        Assert.Contains("environmentName == 'prod' ? 'drone-delivery' : 'drone-delivery-${environmentName}'", File.ReadAllText(MainTemplate), StringComparison.Ordinal);
        var expected = environment == "prod" ? "drone-delivery" : $"drone-delivery-{environment}";
        Assert.Equal(expected, KustomizeTree.Load(Repository.PathOf($"deploy/k8s/overlays/{environment}")).Namespace);
    }
}
