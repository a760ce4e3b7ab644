using DroneDelivery.GrainInterfaces.Model;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

namespace DroneDelivery.Silo.Streaming.EventHubs;

/// <summary>
/// The fixes of one Event Hubs event, on the stream of their drone, as the pulling agent hands
/// them to consumers (and sends them to another silo when the consumer lives there).
/// </summary>
/// <remarks>
/// The token is an <see cref="EventHubSequenceTokenV2"/> carrying the event's offset: the cache
/// reads its partition position from it to measure pressure, and delivery progress turns it
/// into a checkpoint. The request context is always empty: drones can't send one.
/// </remarks>
[GenerateSerializer, Immutable, Alias("DroneDelivery.TelemetryBatchContainer")]
public sealed class TelemetryBatchContainer(StreamId streamId, EventHubSequenceTokenV2 token, IReadOnlyList<TelemetryFix> fixes) : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public EventHubSequenceTokenV2 Token { get; } = token;

    [Id(2)]
    public IReadOnlyList<TelemetryFix> Fixes { get; } = fixes;

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Fixes.OfType<T>().Select((fix, index) => Tuple.Create<T, StreamSequenceToken>(
            fix, new EventHubSequenceTokenV2(Token.EventHubOffset, Token.SequenceNumber, index)));

    public bool ImportRequestContext() => false;
}
