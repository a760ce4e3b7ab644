using DroneDelivery.GrainInterfaces.Model;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

namespace DroneDelivery.Silo.Streaming.EventHubs;

/// <summary>
/// The fixes of one Event Hubs event, on the stream of their drone, as the pulling agent hands
/// them to consumers (and sends them to another silo when the consumer lives there): one
/// <see cref="TelemetryBatch"/> event, or none for a skipped event.
/// </summary>
/// <remarks>
/// The token is an <see cref="EventHubSequenceTokenV2"/> carrying the event's offset: the cache
/// reads its partition position from it to measure pressure, and delivery progress turns it
/// into a checkpoint. The request context is always empty: drones can't send one.
/// </remarks>
[GenerateSerializer, Immutable, Alias("DroneDelivery.TelemetryBatchContainer")]
public sealed class TelemetryBatchContainer(StreamId streamId, EventHubSequenceTokenV2 token, TelemetryBatch? batch) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public EventHubSequenceTokenV2 Token { get; } = token;

    // Id 2 held the fixes one by one, before they travelled as one batch: a container of that
    // version, sent by a silo not yet upgraded, arrives here without events rather than failing.
    [Id(3)]
    public TelemetryBatch? Batch { get; } = batch;

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Batch is T item ? [Tuple.Create<T, StreamSequenceToken>(item, Token)] : [];

    public bool ImportRequestContext() => false;
}
