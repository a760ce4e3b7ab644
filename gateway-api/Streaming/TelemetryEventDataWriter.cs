using Azure.Messaging.EventHubs;
using DroneDelivery.ServiceDefaults.Streaming;
using Orleans.Providers.Streams.Common;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

namespace DroneDelivery.GatewayApi.Streaming;

/// <summary>
/// The gateway's half of the Event Hubs telemetry adapter. The gateway only publishes: each fix
/// goes out as the raw JSON a drone would send (<see cref="TelemetryJson"/>), partition key =
/// drone id, so silos read what the gateway relays exactly as what drones send directly.
/// </summary>
/// <remarks>
/// A cluster client never receives from a persistent stream provider, so the reading half is
/// left to the silos' adapter and refused here rather than half done.
/// </remarks>
public sealed class TelemetryEventDataWriter : IEventHubDataAdapter
{
    private const string SilosRead = "The gateway only publishes telemetry; the silos read it.";

    public EventData ToQueueMessage<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Event Hubs telemetry can't be published at a sequence token.", nameof(token));
        }

        // The request context is left out: the raw format has no place for it, and drones can't send one.
        return new EventData(TelemetryJson.WriteEvent(streamId.GetNamespace(), streamId.GetKeyAsString(), events)) { ContentType = TelemetryJson.ContentType };
    }

    /// <summary>The drone id: every fix of a drone lands in the same partition, in order.</summary>
    public string GetPartitionKey(StreamId streamId) => streamId.GetKeyAsString();

    public StreamId GetStreamIdentity(EventData queueMessage) => throw new NotSupportedException(SilosRead);

    public StreamPosition GetStreamPosition(string partition, EventData queueMessage) => throw new NotSupportedException(SilosRead);

    public CachedMessage FromQueueMessage(StreamPosition position, EventData queueMessage, DateTime dequeueTime, Func<int, ArraySegment<byte>> getSegment) =>
        throw new NotSupportedException(SilosRead);

    public IBatchContainer GetBatchContainer(ref CachedMessage cachedMessage) => throw new NotSupportedException(SilosRead);

    public StreamSequenceToken GetSequenceToken(ref CachedMessage cachedMessage) => throw new NotSupportedException(SilosRead);

    public string GetOffset(CachedMessage cachedMessage) => throw new NotSupportedException(SilosRead);
}
