using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Azure.Messaging.EventHubs;
using Orleans.Runtime;
using Orleans.Streaming.EventHubs.Testing;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Stands in for one drone on the Event Hubs package's generator partition: each read hands out
/// the next events of its <see cref="TelemetryFlight"/> as a hub would, with the partition's
/// sequence numbers, an offset, and partition key = drone id.
/// </summary>
/// <remarks>
/// The package's partition generator asks its streams again and again until it has as many
/// events as the receiver wants (up to a thousand a read), and would ask forever if none had
/// any. So this never runs dry (after the flight the drone hovers), and tests never stop it.
/// </remarks>
internal sealed class TelemetryFlightGenerator(StreamId streamId, TelemetryFlight flight) : IStreamDataGenerator<EventData>
{
    private readonly IReadOnlyList<byte[]> _flight = flight.Events();
    private int _sent;

    public StreamId StreamId { get; } = streamId;

    public IIntCounter SequenceNumberCounter { private get; set; } = null!;

    public bool ShouldProduce { private get; set; } = true;

    public bool TryReadEvents(int maxCount, [NotNullWhen(true)] out IEnumerable<EventData>? events)
    {
        if (!ShouldProduce)
        {
            events = null;
            return false;
        }

        var read = new List<EventData>(maxCount);
        while (read.Count < maxCount)
        {
            SequenceNumberCounter.Increment();
            var sequenceNumber = SequenceNumberCounter.Value;
            var body = _sent < _flight.Count ? _flight[_sent] : flight.Hovering();
            _sent++;
            read.Add(EventHubsModelFactory.EventData(
                new BinaryData(body),
                partitionKey: flight.DroneId,
                sequenceNumber: sequenceNumber,
                offsetString: sequenceNumber.ToString(CultureInfo.InvariantCulture),
                enqueuedTime: DateTimeOffset.UtcNow));
        }

        events = read;
        return true;
    }
}
