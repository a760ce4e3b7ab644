using Azure.Data.Tables;
using DroneDelivery.GatewayApi.Hosting;
using DroneDelivery.GatewayApi.Streaming;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Silo.Hosting;
using DroneDelivery.Silo.Streaming.EventHubs;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streaming.EventHubs;
using SiloTelemetry = DroneDelivery.Silo.Streaming.TelemetryEventHubExtensions;

namespace DroneDelivery.Tests.Unit;

/// <summary>
/// The hosts as built by their own applications with <c>Provider=EventHubs</c>; nothing starts,
/// so no hub is needed.
/// </summary>
public sealed class EventHubTelemetrySettingsTests
{
    // A well-formed connection string to a namespace that is never contacted here.
    private const string ConnectionString = "Endpoint=sb://fabrikam-test.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=bm90LWEtcmVhbC1rZXk=";

    private static readonly string[] EventHubs =
    [
        "--DroneDelivery:Telemetry:Provider=EventHubs",
        $"--DroneDelivery:Telemetry:EventHubs:ConnectionString={ConnectionString}",
        "--DroneDelivery:Telemetry:EventHubs:HubName=drone-fixes",
        "--DroneDelivery:Telemetry:EventHubs:ConsumerGroup=silos",
    ];

    [Fact]
    public async Task Silos_read_the_configured_hub_with_our_adapter_and_checkpoint_through_their_table_client()
    {
        await using var silo = SiloApplication.Create(EventHubs);

        AssertHubConfigured(silo);
        Assert.IsType<TelemetryEventDataAdapter>(silo.Services.GetRequiredKeyedService<IEventHubDataAdapter>(TelemetryStreams.ProviderName));
        var checkpoints = silo.Services.GetRequiredService<IOptionsMonitor<AzureTableStreamCheckpointerOptions>>().Get(TelemetryStreams.ProviderName);
        Assert.Equal(SiloTelemetry.CheckpointTable, checkpoints.TableName);
        Assert.Same(silo.Services.GetRequiredService<TableServiceClient>(), checkpoints.TableServiceClient);
    }

    [Fact]
    public async Task The_gateway_publishes_to_the_configured_hub_with_the_writing_adapter()
    {
        await using var gateway = GatewayApplication.Create(EventHubs);

        AssertHubConfigured(gateway);
        Assert.IsType<TelemetryEventDataWriter>(gateway.Services.GetRequiredKeyedService<IEventHubDataAdapter>(TelemetryStreams.ProviderName));
    }

    [Theory]
    [InlineData("ConnectionString", "")]
    [InlineData("HubName", " ")]
    [InlineData("ConsumerGroup", "")]
    public void A_missing_Event_Hubs_setting_stops_either_host_naming_its_key(string key, string value)
    {
        string[] args = [.. EventHubs, $"--DroneDelivery:Telemetry:EventHubs:{key}={value}"];

        foreach (var create in new Func<string[], WebApplication>[] { SiloApplication.Create, GatewayApplication.Create })
        {
            var error = Assert.Throws<InvalidOperationException>(() => create(args));
            Assert.Contains($"DroneDelivery:Telemetry:EventHubs:{key}", error.Message, StringComparison.Ordinal);
        }
    }

    // The hub's name and consumer group are internal to the package; its own validator checks they are set.
    private static void AssertHubConfigured(WebApplication host) =>
        new EventHubOptionsValidator(host.Services.GetRequiredService<IOptionsMonitor<EventHubOptions>>().Get(TelemetryStreams.ProviderName), TelemetryStreams.ProviderName)
            .ValidateConfiguration();
}
