using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.ServiceDefaults.Streaming;

/// <summary>Which provider carries telemetry. Section <c>DroneDelivery:Telemetry</c>, read by silos and the gateway alike.</summary>
public sealed class TelemetryStreamSettings
{
    public const string SectionName = "DroneDelivery:Telemetry";

    /// <summary>The provider. Default: <see cref="TelemetryStreamProvider.Memory"/>.</summary>
    public TelemetryStreamProvider Provider { get; set; } = TelemetryStreamProvider.Memory;

    /// <summary>Queues (Azure Queue, memory streams) the streams are spread over; Event Hubs has the hub's own partitions. Default: 8.</summary>
    [Range(1, 128)]
    public int Partitions { get; set; } = 8;

    /// <summary>The Azure queues telemetry is spread over; silos and gateways must agree on them.</summary>
    public List<string> AzureQueueNames() => [.. Enumerable.Range(0, Partitions).Select(i => $"telemetry-{i}")];

    /// <summary>Event Hubs settings, used when <see cref="Provider"/> is <see cref="TelemetryStreamProvider.EventHubs"/>.</summary>
    public EventHubSettings EventHubs { get; set; } = new();
}

public enum TelemetryStreamProvider
{
    /// <summary>Orleans memory streams: in-process queues, nothing stored. A lost fix is superseded by the next.</summary>
    Memory,

    /// <summary>Azure Queue storage (Azurite locally), on the storage account of <c>ConnectionStrings:AzureStorage</c>.</summary>
    AzureQueue,

    /// <summary>Azure Event Hubs: what drones publish to in production.</summary>
    EventHubs,
}

public sealed class EventHubSettings
{
    /// <summary>Connection string of the Event Hubs namespace.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The telemetry hub. Default: <c>telemetry</c>.</summary>
    public string HubName { get; set; } = "telemetry";

    /// <summary>The silos' consumer group. Default: <c>$Default</c>.</summary>
    public string ConsumerGroup { get; set; } = "$Default";

    /// <summary>Stops the host, naming the key, when Event Hubs is the provider but can't be reached with these settings.</summary>
    public void EnsureComplete()
    {
        const string Section = TelemetryStreamSettings.SectionName + ":EventHubs";
        foreach (var (key, value) in new[] { ("ConnectionString", ConnectionString), ("HubName", HubName), ("ConsumerGroup", ConsumerGroup) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException($"{Section}:{key} is required when {TelemetryStreamSettings.SectionName}:Provider is EventHubs.");
            }
        }
    }
}
