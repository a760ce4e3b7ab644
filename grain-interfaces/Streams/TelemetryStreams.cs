namespace DroneDelivery.GrainInterfaces.Streams;

/// <summary>
/// Where telemetry flows: one stream per drone, keyed by drone id, in the namespace the drone
/// grain implicitly subscribes to. The provider behind the name is chosen by configuration.
/// </summary>
public static class TelemetryStreams
{
    /// <summary>Name of the stream provider on silos and clients.</summary>
    public const string ProviderName = "telemetry";

    /// <summary>Stream namespace of drone telemetry.</summary>
    public const string Namespace = "drone-telemetry";

    /// <summary>
    /// Most fixes published as one stream item (a batch the drone takes in in one turn). Keeps
    /// an item well inside an Azure queue message (64 KB, base64) and an Event Hubs event inside
    /// the body size silos read, whatever the drone id's length.
    /// </summary>
    public const int MaxFixesPerItem = 100;
}
