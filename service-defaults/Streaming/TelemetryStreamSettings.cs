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

    /// <summary>
    /// How long each queue's pulling agent waits before looking again once it found its queue
    /// empty: the longest a fix waits in a quiet queue before its drone grain is handed it. A
    /// busy queue is read again at once. Default: 20 ms for <see cref="TelemetryStreamProvider.Memory"/>
    /// and <see cref="TelemetryStreamProvider.EventHubs"/>, whose reads are local; 100 ms (Orleans'
    /// own) for <see cref="TelemetryStreamProvider.AzureQueue"/>, where each read of an empty
    /// queue is a paid request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan? PollInterval { get; set; }

    /// <summary>
    /// How long a silo's stream cache keeps a fix it has read, for <see cref="TelemetryStreamProvider.Memory"/>
    /// and <see cref="TelemetryStreamProvider.EventHubs"/>. A drone grain that falls this far behind
    /// skips to newer fixes, and an Event Hubs partition's checkpoint, which moves as the cache lets
    /// go of events, trails the newest by about this much: a restarted silo reads at most this much
    /// again. Orleans' own default keeps 30 minutes, which under a steady flow holds every fix of the
    /// last half hour in the silo's memory and leaves the checkpoint half an hour behind. Azure Queue's
    /// cache keeps a number of items instead. Default: 1 minute, the time Orleans spends trying to
    /// hand one item to its grain.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CacheRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><see cref="PollInterval"/>, or the provider's default.</summary>
    public TimeSpan EffectivePollInterval() =>
        PollInterval ?? (Provider == TelemetryStreamProvider.AzureQueue ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMilliseconds(20));

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
    /// <summary>Connection string of the Event Hubs namespace. Default: none.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The namespace's host name, e.g. <c>fabrikam-drones.servicebus.windows.net</c>, reached with the
    /// managed identity instead of a connection string. Default: none.
    /// </summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The telemetry hub. Default: <c>telemetry</c>.</summary>
    public string HubName { get; set; } = "telemetry";

    /// <summary>The silos' consumer group. Default: <c>$Default</c>.</summary>
    public string ConsumerGroup { get; set; } = "$Default";

    /// <summary>True when the namespace is reached with the managed identity rather than a connection string.</summary>
    public bool UsesManagedIdentity => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>Stops the host, naming the key, when Event Hubs is the provider but can't be reached with these settings.</summary>
    public void EnsureComplete()
    {
        const string Section = TelemetryStreamSettings.SectionName + ":EventHubs";
        const string Required = $" is required when {TelemetryStreamSettings.SectionName}:Provider is EventHubs.";
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasConnectionString == UsesManagedIdentity)
        {
            throw new InvalidOperationException(hasConnectionString
                ? $"Set either {Section}:ConnectionString or {Section}:FullyQualifiedNamespace (managed identity), not both."
                : $"{Section}:ConnectionString or {Section}:FullyQualifiedNamespace (managed identity){Required}");
        }

        if (UsesManagedIdentity && (FullyQualifiedNamespace!.Contains("://", StringComparison.Ordinal) || FullyQualifiedNamespace.Contains('/', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{Section}:FullyQualifiedNamespace is a host name such as <namespace>.servicebus.windows.net, not a URL; got '{FullyQualifiedNamespace}'.");
        }

        foreach (var (key, value) in new[] { ("HubName", HubName), ("ConsumerGroup", ConsumerGroup) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException($"{Section}:{key}{Required}");
            }
        }
    }
}
