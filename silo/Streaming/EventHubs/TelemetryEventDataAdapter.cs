using Azure.Messaging.EventHubs;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Streaming;
using Orleans.Providers.Streams.Common;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

namespace DroneDelivery.Silo.Streaming.EventHubs;

/// <summary>
/// Turns the raw JSON telemetry drones publish to Event Hubs into a <see cref="TelemetryBatch"/>
/// per event on the stream of its drone, and writes that same JSON when a
/// producer in the cluster publishes.
/// </summary>
/// <remarks>
/// <para>
/// Reading: the partition's receiver calls <see cref="GetStreamPosition"/> once for every event
/// it reads. That validates the body (see <see cref="TelemetryJson"/>) and names the stream of
/// the fixes' drone; the body's drone id decides, not the partition key. Then
/// <see cref="FromQueueMessage"/> copies the event's offset and raw body into a segment of the
/// cache's pooled buffers, and <see cref="GetBatchContainer"/> parses that segment again each
/// time a consumer's cursor reaches it. The cache thus holds what the drone sent, about as
/// compact as any binary form of a fix.
/// </para>
/// <para>
/// Writing: <see cref="ToQueueMessage"/> writes the raw JSON a drone would send, partition key =
/// drone id, so a producer in the cluster publishes what drones do.
/// </para>
/// <para>
/// Skipping: an invalid event still enters the cache, because purging the cache is what moves
/// the checkpoint past it; it goes there without its body, on <see cref="RejectedStream"/>,
/// which nobody subscribes to. It is counted (<see cref="SkippedEvents"/>) and logged without
/// its payload. Nothing throws while reading: an exception would lose every event of the batch
/// the receiver had just read.
/// </para>
/// </remarks>
public sealed partial class TelemetryEventDataAdapter(ILogger<TelemetryEventDataAdapter> logger) : IEventHubDataAdapter
{
    /// <summary>Namespace of the stream skipped events are cached on; nothing subscribes to it.</summary>
    public const string RejectedNamespace = "drone-telemetry-rejected";

    private readonly long[] _skipped = new long[Enum.GetValues<TelemetryRejection>().Length];

    /// <summary>The one stream of every skipped event, so skipped events wake no grain.</summary>
    public static StreamId RejectedStream { get; } = StreamId.Create(RejectedNamespace, "rejected");

    /// <summary>Events skipped since this adapter was created, for every reason.</summary>
    public long SkippedEvents => Enum.GetValues<TelemetryRejection>().Sum(Skipped);

    /// <summary>The factory the silos' provider is given in <c>UseDataAdapter</c>.</summary>
    public static TelemetryEventDataAdapter Create(IServiceProvider services, string providerName) =>
        ActivatorUtilities.CreateInstance<TelemetryEventDataAdapter>(services);

    /// <summary>Events skipped for <paramref name="reason"/> since this adapter was created.</summary>
    public long Skipped(TelemetryRejection reason) => Interlocked.Read(ref _skipped[(int)reason]);

    public StreamPosition GetStreamPosition(string partition, EventData queueMessage)
    {
        var token = new EventHubSequenceTokenV2(queueMessage.OffsetString, queueMessage.SequenceNumber, 0);
        if (TryRead(queueMessage.Body.Span, out var fixes, out var rejection))
        {
            return new StreamPosition(DroneStream(fixes[0].DroneId), token);
        }

        Interlocked.Increment(ref _skipped[(int)rejection]);
        LogSkipped(logger, queueMessage.SequenceNumber, partition, queueMessage.PartitionKey, queueMessage.Body.Length, rejection);
        return new StreamPosition(RejectedStream, token);
    }

    public StreamId GetStreamIdentity(EventData queueMessage) =>
        TryRead(queueMessage.Body.Span, out var fixes, out _) ? DroneStream(fixes[0].DroneId) : RejectedStream;

    public CachedMessage FromQueueMessage(StreamPosition position, EventData queueMessage, DateTime dequeueTime, Func<int, ArraySegment<byte>> getSegment)
    {
        var offset = queueMessage.OffsetString;
        var body = position.StreamId.Equals(RejectedStream) ? ReadOnlySpan<byte>.Empty : queueMessage.Body.Span;
        var segment = getSegment(SegmentBuilder.CalculateAppendSize(offset) + SegmentBuilder.CalculateAppendSize(body));
        var writeOffset = 0;
        SegmentBuilder.Append(segment, ref writeOffset, offset);
        SegmentBuilder.Append(segment, ref writeOffset, body);
        return new CachedMessage
        {
            StreamId = position.StreamId,
            SequenceNumber = queueMessage.SequenceNumber,
            EventIndex = position.SequenceToken.EventIndex,
            EnqueueTimeUtc = queueMessage.EnqueuedTime.UtcDateTime,
            DequeueTimeUtc = dequeueTime,
            Segment = segment,
        };
    }

    public IBatchContainer GetBatchContainer(ref CachedMessage cachedMessage)
    {
        var readOffset = 0;
        var offset = SegmentBuilder.ReadNextString(cachedMessage.Segment, ref readOffset) ?? string.Empty;
        var body = SegmentBuilder.ReadNextBytes(cachedMessage.Segment, ref readOffset);

        // The body passed the same reading on its way in; a skipped event has none.
        var batch = body.Count > 0 && TryRead(body, out var fixes, out _) ? TelemetryBatch.Of(fixes[0].DroneId, fixes) : null;
        return new TelemetryBatchContainer(
            cachedMessage.StreamId,
            new EventHubSequenceTokenV2(offset, cachedMessage.SequenceNumber, cachedMessage.EventIndex),
            batch);
    }

    // Only the cache's bookkeeping reads this token, and it compares sequence numbers only;
    // reading the offset back out of the segment would cost a string on every call.
    public StreamSequenceToken GetSequenceToken(ref CachedMessage cachedMessage) =>
        new EventHubSequenceTokenV2(string.Empty, cachedMessage.SequenceNumber, cachedMessage.EventIndex);

    public string GetOffset(CachedMessage cachedMessage)
    {
        var readOffset = 0;
        return SegmentBuilder.ReadNextString(cachedMessage.Segment, ref readOffset)
            ?? throw new InvalidOperationException("A cached telemetry event is missing its offset.");
    }

    /// <summary>The drone id: every fix of a drone lands in the same partition, in order.</summary>
    public string GetPartitionKey(StreamId streamId) => streamId.GetKeyAsString();

    public EventData ToQueueMessage<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Event Hubs telemetry can't be published at a sequence token.", nameof(token));
        }

        // The request context is left out: the raw format has no place for it, and drones can't send one.
        return new EventData(TelemetryJson.WriteEvent(streamId.GetNamespace(), streamId.GetKeyAsString(), events)) { ContentType = TelemetryJson.ContentType };
    }

    private static StreamId DroneStream(string droneId) => StreamId.Create(TelemetryStreams.Namespace, droneId);

    private static bool TryRead(ReadOnlySpan<byte> body, out TelemetryFix[] fixes, out TelemetryRejection rejection)
    {
        try
        {
            return TelemetryJson.TryRead(body, out fixes, out rejection);
        }
        catch (Exception)
        {
            // Whatever a body does to the JSON reader, it must not stop the partition.
            fixes = [];
            rejection = TelemetryRejection.Malformed;
            return false;
        }
    }
}
