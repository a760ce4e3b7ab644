using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Identity;
using DroneDelivery.ServiceDefaults.Streaming;
using DroneDelivery.Silo.Streaming.EventHubs;

namespace DroneDelivery.Silo.Streaming;

public static class TelemetryEventHubExtensions
{
    /// <summary>Table of the Event Hubs partitions' checkpoints, next to the rest of the silo's state.</summary>
    public const string CheckpointTable = "DroneDeliveryTelemetryCheckpoints";

    /// <summary>
    /// Event Hubs telemetry: drones publish raw JSON, partition key = drone id, read by
    /// <see cref="TelemetryEventDataAdapter"/>. Each partition's position is checkpointed in
    /// Azure Table storage through the silo's one <see cref="TableServiceClient"/>.
    /// </summary>
    public static ISiloBuilder AddTelemetryEventHubStreams(this ISiloBuilder silo, TelemetryStreamSettings settings, IConfiguration configuration)
    {
        var eventHubs = settings.EventHubs;
        eventHubs.EnsureComplete();
        silo.AddEventHubStreams(TelemetryStreams.ProviderName, stream =>
        {
            stream.ConfigureEventHub(options => options.Configure(hub =>
            {
                if (eventHubs.UsesManagedIdentity)
                {
                    hub.ConfigureEventHubConnection(eventHubs.FullyQualifiedNamespace!, eventHubs.HubName, eventHubs.ConsumerGroup, AzureCredentials.Default);
                }
                else
                {
                    hub.ConfigureEventHubConnection(eventHubs.ConnectionString!, eventHubs.HubName, eventHubs.ConsumerGroup);
                }
            }));
            stream.UseTelemetryCheckpointer();
            stream.ConfigurePullingAgents(settings);
            stream.ConfigureTelemetryCache(settings);
            stream.UseDataAdapter(TelemetryEventDataAdapter.Create);
        });
        return silo;
    }

    /// <summary>Checkpoints in <see cref="CheckpointTable"/>, on the storage account of <c>ConnectionStrings:AzureStorage</c>.</summary>
    public static void UseTelemetryCheckpointer(this ISiloPersistentStreamConfigurator stream) =>
        stream.UseAzureTableCheckpointer(options => options.Configure<TableServiceClient>((checkpoints, tables) =>
        {
            checkpoints.TableServiceClient = tables;
            checkpoints.TableName = CheckpointTable;
        }));
}
