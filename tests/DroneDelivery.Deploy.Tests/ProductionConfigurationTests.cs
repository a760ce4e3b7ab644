using System.Reflection;
using Azure.Data.Tables;
using Azure.Messaging.EventHubs;
using DroneDelivery.GatewayApi.Hosting;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Cluster;
using DroneDelivery.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Orleans.Configuration;
using Orleans.Streaming.EventHubs;

namespace DroneDelivery.Deploy.Tests;

/// <summary>
/// The hosts as production configures them: Azure reached with the managed identity through
/// service URIs, and Orleans' Kubernetes hosting behind its switch. Hosts are built, not started,
/// so nothing is contacted.
/// </summary>
public sealed class ProductionConfigurationTests
{
    private const string TableUri = "https://fddprodstore.table.core.windows.net/";
    private const string QueueUri = "https://fddprodstore.queue.core.windows.net/";
    private const string Namespace = "fdd-prod-events.servicebus.windows.net";

    private static readonly Func<string[], WebApplication>[] Hosts = [SiloApplication.Create, GatewayApplication.Create];

    [Fact]
    public async Task Table_storage_is_reached_at_the_service_uri_when_one_is_set()
    {
        foreach (var create in Hosts)
        {
            await using var host = create([$"--DroneDelivery:Storage:TableServiceUri={TableUri}"]);
            var tables = host.Services.GetRequiredService<TableServiceClient>();

            Assert.Equal(new Uri(TableUri), tables.Uri);
            Assert.Equal("fddprodstore", tables.AccountName);
        }
    }

    [Fact]
    public async Task Traces_are_recorded_only_when_a_collector_is_configured_to_receive_them()
    {
        foreach (var create in Hosts)
        {
            await using (var quiet = create([]))
            {
                Assert.Null(quiet.Services.GetService<TracerProvider>());
            }

            await using var traced = create(["--OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317"]);
            Assert.NotNull(traced.Services.GetService<TracerProvider>());
        }
    }

    [Fact]
    public async Task Without_a_service_uri_the_connection_string_is_used_as_before()
    {
        await using var silo = SiloApplication.Create([]);

        Assert.Equal("devstoreaccount1", silo.Services.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Theory]
    [InlineData("TableServiceUri", "http://fddprodstore.table.core.windows.net")]
    [InlineData("TableServiceUri", "fddprodstore.table.core.windows.net")]
    [InlineData("QueueServiceUri", "http://fddprodstore.queue.core.windows.net")]
    public void A_service_uri_that_is_not_absolute_https_stops_either_host_naming_the_key(string key, string value)
    {
        foreach (var create in Hosts)
        {
            var error = Assert.Throws<InvalidOperationException>(() => create([$"--DroneDelivery:Storage:{key}={value}"]));
            Assert.Contains($"DroneDelivery:Storage:{key}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Queue_streams_are_reached_at_the_queue_service_uri()
    {
        foreach (var create in Hosts)
        {
            await using var host = create(
            [
                "--DroneDelivery:Telemetry:Provider=AzureQueue",
                $"--DroneDelivery:Storage:TableServiceUri={TableUri}",
                $"--DroneDelivery:Storage:QueueServiceUri={QueueUri}",
            ]);
            var queues = host.Services.GetRequiredService<IOptionsMonitor<AzureQueueOptions>>().Get(TelemetryStreams.ProviderName);

            Assert.Equal(new Uri(QueueUri), queues.QueueServiceClient!.Uri);
        }
    }

    [Fact]
    public void Queue_streams_under_managed_identity_need_a_queue_uri_rather_than_falling_back_to_Azurite()
    {
        foreach (var create in Hosts)
        {
            var error = Assert.Throws<InvalidOperationException>(() => create(
                ["--DroneDelivery:Telemetry:Provider=AzureQueue", $"--DroneDelivery:Storage:TableServiceUri={TableUri}"]));
            Assert.Contains("DroneDelivery:Storage:QueueServiceUri", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Event_Hubs_is_reached_at_the_fully_qualified_namespace()
    {
        foreach (var create in Hosts)
        {
            await using var host = create(
            [
                "--DroneDelivery:Telemetry:Provider=EventHubs",
                $"--DroneDelivery:Telemetry:EventHubs:FullyQualifiedNamespace={Namespace}",
                "--DroneDelivery:Telemetry:EventHubs:ConsumerGroup=silos",
            ]);
            var options = host.Services.GetRequiredService<IOptionsMonitor<EventHubOptions>>().Get(TelemetryStreams.ProviderName);
            new EventHubOptionsValidator(options, TelemetryStreams.ProviderName).ValidateConfiguration();

            // The connection factory and consumer group are internal to the package; the factory
            // builds a connection object without contacting the namespace.
            await using var connection = CreateConnection(options);
            Assert.Equal(Namespace, connection.FullyQualifiedNamespace);
            Assert.Equal("telemetry", connection.EventHubName);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Event_Hubs_needs_exactly_one_of_a_connection_string_and_a_namespace(bool both)
    {
        string[] args = both
            ? ["--DroneDelivery:Telemetry:Provider=EventHubs", $"--DroneDelivery:Telemetry:EventHubs:FullyQualifiedNamespace={Namespace}", "--DroneDelivery:Telemetry:EventHubs:ConnectionString=Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5"]
            : ["--DroneDelivery:Telemetry:Provider=EventHubs"];
        foreach (var create in Hosts)
        {
            var error = Assert.Throws<InvalidOperationException>(() => create(args));
            Assert.Contains("DroneDelivery:Telemetry:EventHubs:FullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Kubernetes_hosting_is_off_unless_switched_on()
    {
        await using var local = SiloApplication.Create([]);
        await using var kubernetes = SiloApplication.Create(["--DroneDelivery:Cluster:Kubernetes=true", "--DroneDelivery:Cluster:AdvertisedAddress=10.244.3.17"]);

        Assert.DoesNotContain(ClusterConfigurators(local), t => t.Namespace == "Orleans.Hosting.Kubernetes");
        Assert.Contains(ClusterConfigurators(kubernetes), t => t.Namespace == "Orleans.Hosting.Kubernetes");
    }

    [Fact]
    public async Task A_silo_in_Kubernetes_must_advertise_its_pod_address()
    {
        await using var silo = SiloApplication.Create(["--DroneDelivery:Cluster:Kubernetes=true"]);

        var error = Assert.Throws<OptionsValidationException>(() => silo.Services.GetRequiredService<IOptions<ClusterSettings>>().Value);
        Assert.Contains("DroneDelivery:Cluster:AdvertisedAddress", error.Message, StringComparison.Ordinal);
    }

    private static EventHubConnection CreateConnection(EventHubOptions options)
    {
        const BindingFlags Internal = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var factory = (Delegate)typeof(EventHubOptions).GetProperty("CreateConnection", Internal)!.GetValue(options)!;
        var connectionOptions = typeof(EventHubOptions).GetProperty("ConnectionOptions", Internal)!.GetValue(options);
        return (EventHubConnection)factory.DynamicInvoke(connectionOptions)!;
    }

    private static IEnumerable<Type> ClusterConfigurators(WebApplication silo) =>
        silo.Services.GetServices<IConfigureOptions<ClusterOptions>>().Select(c => c.GetType());
}
