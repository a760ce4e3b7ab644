using System.Text;
using System.Text.Json.Nodes;
using Azure.Messaging.EventHubs;
using DroneDelivery.GatewayApi.Streaming;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Streaming;
using DroneDelivery.Silo.Streaming.EventHubs;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

namespace DroneDelivery.Tests.Unit;

/// <summary>
/// The Event Hubs data adapter on raw <see cref="EventData"/>, driven the way the partition's
/// receiver and cache drive it: stream position, then into a cache segment, then a batch out.
/// </summary>
public sealed class TelemetryEventDataAdapterTests
{
    private const string Partition = "3";
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(2));

    private readonly RecordingLogger<TelemetryEventDataAdapter> _log = new();
    private readonly TelemetryEventDataAdapter _adapter;
    private long _sequenceNumber = 100;

    public TelemetryEventDataAdapterTests() => _adapter = new TelemetryEventDataAdapter(_log);

    public static TheoryData<string, string, TelemetryRejection> Unreadable => new()
    {
        { "not JSON", "lat=47.6,lon=-122.3", TelemetryRejection.Malformed },
        { "cut short", """{"droneId":"drone-7","at":"2026-11-26T12:00:00Z","lat":47.6""", TelemetryRejection.Malformed },
        { "a number", "42", TelemetryRejection.Malformed },
        { "null", "null", TelemetryRejection.Malformed },
        { "an array holding null", "[null]", TelemetryRejection.Malformed },
        { "a string for a number", Fix().With("lat", "47.6").ToJsonString(), TelemetryRejection.Malformed },
        { "a word for the battery", Fix().With("batteryPct", "full").ToJsonString(), TelemetryRejection.Malformed },
        { "a number for the event", Fix().With("event", 1).ToJsonString(), TelemetryRejection.Malformed },
        { "an unknown event", Fix().With("event", "Crashed").ToJsonString(), TelemetryRejection.Malformed },
        { "an event with a space", Fix().With("event", "PickedUp ").ToJsonString(), TelemetryRejection.Malformed },
        { "two events in one", Fix().With("event", "PickedUp,Delivered").ToJsonString(), TelemetryRejection.Malformed },
        { "a bad timestamp", Fix().With("at", "yesterday").ToJsonString(), TelemetryRejection.Malformed },
        { "no latitude", Fix().Without("lat").ToJsonString(), TelemetryRejection.Malformed },
        { "no battery", Fix().Without("batteryPct").ToJsonString(), TelemetryRejection.Malformed },
        { "a repeated property", """{"droneId":"drone-7","at":"2026-11-26T12:00:00Z","lat":47.6,"lat":1,"lon":-122.3,"alt":0,"speedMps":0,"headingDeg":0,"batteryPct":50}""", TelemetryRejection.Malformed },
        { "no drone id", Fix().Without("droneId").ToJsonString(), TelemetryRejection.MissingDroneId },
        { "an empty drone id", Fix().With("droneId", "").ToJsonString(), TelemetryRejection.MissingDroneId },
        { "a blank drone id", Fix().With("droneId", "  ").ToJsonString(), TelemetryRejection.MissingDroneId },
        { "a null drone id", Fix().With("droneId", null).ToJsonString(), TelemetryRejection.MissingDroneId },
        { "latitude 91", Fix().With("lat", 91).ToJsonString(), TelemetryRejection.OutOfRange },
        { "longitude -180.5", Fix().With("lon", -180.5).ToJsonString(), TelemetryRejection.OutOfRange },
        { "battery 101", Fix().With("batteryPct", 101).ToJsonString(), TelemetryRejection.OutOfRange },
        { "negative speed", Fix().With("speedMps", -1).ToJsonString(), TelemetryRejection.OutOfRange },
        { "heading 400", Fix().With("headingDeg", 400).ToJsonString(), TelemetryRejection.OutOfRange },
        { "two drones in one event", ArrayOf(Fix(), Fix("drone-8")), TelemetryRejection.MixedDrones },
        { "one bad fix among good ones", ArrayOf(Fix(), Fix().With("lat", -95)), TelemetryRejection.OutOfRange },
        { "an empty array", "[]", TelemetryRejection.Empty },
        { "an empty body", "", TelemetryRejection.Empty },
    };

    [Fact]
    public void A_single_fix_becomes_one_item_on_the_stream_of_its_drone()
    {
        var received = Received(Fix().With("event", "PickedUp"), partitionKey: "drone-7");

        var position = _adapter.GetStreamPosition(Partition, received);
        var batch = Batch(position, received);

        Assert.Equal(StreamId.Create(TelemetryStreams.Namespace, "drone-7"), position.StreamId);
        Assert.Equal(position.StreamId, batch.StreamId);
        var (item, token) = Assert.Single(batch.GetEvents<TelemetryBatch>());
        Assert.Equal([new TelemetryFix("drone-7", At, 47.6, -122.3, 120, 14.5, 270, 81.5, DroneEvent.PickedUp)], item.ToFixes());
        Assert.Equal(received.SequenceNumber, token.SequenceNumber);
        Assert.Equal(received.OffsetString, ((EventHubSequenceTokenV2)batch.SequenceToken).EventHubOffset);
        Assert.Equal(0, _adapter.SkippedEvents);
    }

    [Fact]
    public void An_array_of_one_drones_fixes_becomes_one_batch_in_order()
    {
        var received = Received(ArrayOf(Fix().With("lat", 47.1), Fix().With("lat", 47.2), Fix().With("lat", 47.3).With("event", "Delivered")));

        var batch = Batch(_adapter.GetStreamPosition(Partition, received), received);

        var (item, token) = Assert.Single(batch.GetEvents<TelemetryBatch>());
        var fixes = item.ToFixes();
        Assert.Equal(new[] { 47.1, 47.2, 47.3 }, fixes.Select(fix => fix.Lat));
        Assert.Equal(received.SequenceNumber, token.SequenceNumber);
        Assert.Equal(DroneEvent.Delivered, fixes[^1].Event);
        Assert.Null(fixes[0].Event);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void An_unreadable_event_is_skipped_and_counted_and_nothing_throws(string what, string body, TelemetryRejection reason)
    {
        var received = Received(body);

        var position = _adapter.GetStreamPosition(Partition, received);
        var cached = _adapter.FromQueueMessage(position, received, DateTime.UtcNow, Segment);
        var batch = _adapter.GetBatchContainer(ref cached);

        Assert.True(position.StreamId == TelemetryEventDataAdapter.RejectedStream, what);
        Assert.Equal(TelemetryEventDataAdapter.RejectedStream, _adapter.GetStreamIdentity(received));
        Assert.Empty(batch.GetEvents<TelemetryBatch>());
        Assert.Equal(1, _adapter.Skipped(reason));
        Assert.Equal(1, _adapter.SkippedEvents);

        // The skipped event still carries its offset, so the checkpoint moves past it.
        Assert.Equal(received.OffsetString, _adapter.GetOffset(cached));
    }

    [Fact]
    public void A_body_over_the_limit_is_skipped_unread()
    {
        var received = Received(Fix().With("note", new string('x', TelemetryJson.MaxBodyBytes)));

        var position = _adapter.GetStreamPosition(Partition, received);

        Assert.Equal(TelemetryEventDataAdapter.RejectedStream, position.StreamId);
        Assert.Equal(1, _adapter.Skipped(TelemetryRejection.TooLarge));
    }

    [Fact]
    public void A_skipped_event_is_logged_as_a_warning_with_its_reason_and_without_its_payload()
    {
        var secret = Fix().With("droneId", "").With("note", "payload-marker-5c1e");

        _adapter.GetStreamPosition(Partition, Received(secret, partitionKey: "drone-7"));

        var (level, message) = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains(nameof(TelemetryRejection.MissingDroneId), message, StringComparison.Ordinal);
        Assert.Contains("drone-7", message, StringComparison.Ordinal);
        Assert.DoesNotContain("payload-marker-5c1e", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_events_are_counted_by_reason_and_the_stream_goes_on_after_them()
    {
        foreach (var body in new[] { "{", Fix().Without("droneId").ToJsonString(), Fix().ToJsonString(), Fix().With("lat", 100).ToJsonString(), "{", Fix().ToJsonString() })
        {
            var received = Received(body);
            Batch(_adapter.GetStreamPosition(Partition, received), received);
        }

        Assert.Equal(2, _adapter.Skipped(TelemetryRejection.Malformed));
        Assert.Equal(1, _adapter.Skipped(TelemetryRejection.MissingDroneId));
        Assert.Equal(1, _adapter.Skipped(TelemetryRejection.OutOfRange));
        Assert.Equal(4, _adapter.SkippedEvents);
    }

    [Fact]
    public void Fields_are_read_as_the_API_reads_them_and_unknown_ones_are_passed_over()
    {
        var received = Received(Fix().With("event", "fault").With("firmware", "2.1.0").With("at", "2026-11-26T10:00:00Z"));

        var fix = Assert.Single(Fixes(Batch(_adapter.GetStreamPosition(Partition, received), received)));

        Assert.Equal(DroneEvent.Fault, fix.Event);
        Assert.Equal(At, fix.At);
        Assert.Equal(0, _adapter.SkippedEvents);
    }

    [Fact]
    public void The_body_names_the_stream_and_the_partition_key_of_a_stream_is_its_drone_id()
    {
        // A drone that forgot its partition key still reaches its own stream, never another's.
        var received = Received(Fix("drone-9"), partitionKey: null);

        var position = _adapter.GetStreamPosition(Partition, received);

        Assert.Equal(StreamId.Create(TelemetryStreams.Namespace, "drone-9"), position.StreamId);
        Assert.Equal(position.StreamId, _adapter.GetStreamIdentity(received));
        Assert.Equal("drone-9", _adapter.GetPartitionKey(position.StreamId));
        Assert.Equal("drone-9", new TelemetryEventDataWriter().GetPartitionKey(position.StreamId));
    }

    [Fact]
    public void What_a_producer_publishes_comes_back_as_the_same_fixes()
    {
        var stream = StreamId.Create(TelemetryStreams.Namespace, "drone-7");
        TelemetryFix[] sent =
        [
            new("drone-7", At, 47.6, -122.3, 120, 14.5, 270, 81.5, DroneEvent.PickedUp),
            new("drone-7", At.AddSeconds(1), 47.600123456789, -122.300987654321, 121.25, 14.75, 271.5, 81.4),
        ];

        foreach (var fixes in new[] { sent[..1], sent })
        {
            var published = _adapter.ToQueueMessage(stream, Items(fixes), null, null);
            var received = Received(published.EventBody.ToArray(), _adapter.GetPartitionKey(stream));

            var batch = Batch(_adapter.GetStreamPosition(Partition, received), received);

            Assert.Equal(stream, batch.StreamId);
            Assert.Equal(fixes, Fixes(batch));
            Assert.Equal(TelemetryJson.ContentType, published.ContentType);
        }

        Assert.Equal(0, _adapter.SkippedEvents);
    }

    [Fact]
    public void A_single_fix_goes_out_as_a_plain_object_in_the_drones_own_format()
    {
        var stream = StreamId.Create(TelemetryStreams.Namespace, "drone-7");
        var published = _adapter.ToQueueMessage(stream, Items(new TelemetryFix("drone-7", At, 47.6, -122.3, 120, 14.5, 270, 81.5, DroneEvent.Fault)), null, null);

        var json = JsonNode.Parse(published.EventBody.ToString())!.AsObject();

        Assert.Equal(new[] { "droneId", "at", "lat", "lon", "alt", "speedMps", "headingDeg", "batteryPct", "event" }, json.Select(p => p.Key));
        Assert.Equal("Fault", json["event"]!.GetValue<string>());
        Assert.Equal(At, json["at"]!.GetValue<DateTimeOffset>());
        Assert.Empty(published.Properties);
    }

    [Fact]
    public void The_gateway_publishes_the_very_bytes_a_silo_would()
    {
        var stream = StreamId.Create(TelemetryStreams.Namespace, "drone-7");
        TelemetryFix[] fixes = [new("drone-7", At, 47.6, -122.3, 120, 14.5, 270, 81.5), new("drone-7", At, 47.7, -122.3, 120, 14.5, 270, 81.5, DroneEvent.Delivered)];

        foreach (var batch in new[] { fixes[..1], fixes })
        {
            var fromGateway = new TelemetryEventDataWriter().ToQueueMessage(stream, Items(batch), null, null);
            var fromSilo = _adapter.ToQueueMessage(stream, Items(batch), null, null);
            Assert.Equal(fromSilo.EventBody.ToArray(), fromGateway.EventBody.ToArray());
            Assert.Equal(fromSilo.ContentType, fromGateway.ContentType);
        }
    }

    [Fact]
    public void Publishing_refuses_what_every_silo_would_skip()
    {
        var stream = StreamId.Create(TelemetryStreams.Namespace, "drone-7");
        var good = new TelemetryFix("drone-7", At, 47.6, -122.3, 120, 14.5, 270, 81.5);

        foreach (var adapter in new IEventHubDataAdapter[] { _adapter, new TelemetryEventDataWriter() })
        {
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, new[] { new TelemetryBatch("drone-8", [good.Sample]) }, null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, Items(good with { Lat = 90.5 }), null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, new[] { "not a fix" }, null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, new[] { good }, null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, Array.Empty<TelemetryBatch>(), null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, Items(), null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(StreamId.Create("elsewhere", "drone-7"), Items(good), null, null));
            Assert.Throws<ArgumentException>(() => adapter.ToQueueMessage(stream, Items(good), new EventHubSequenceTokenV2("1", 1, 0), null));
        }
    }

    [Fact]
    public void A_batch_survives_the_trip_to_a_consumer_on_another_silo()
    {
        var serializer = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(TelemetryFix).Assembly).AddAssembly(typeof(TelemetryBatchContainer).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        var received = Received(ArrayOf(Fix().With("lat", 47.1), Fix().With("lat", 47.2)));
        var batch = Batch(_adapter.GetStreamPosition(Partition, received), received);

        var copy = Assert.IsType<TelemetryBatchContainer>(serializer.Deserialize<object>(serializer.SerializeToArray<object>(batch)));

        Assert.Equal(batch.StreamId, copy.StreamId);
        Assert.Equal(batch.SequenceToken, copy.SequenceToken);
        Assert.Equal(Fixes(batch), Fixes(copy));
        Assert.Equal(2, Fixes(copy).Length);
    }

    /// <summary>What a producer publishes: <paramref name="fixes"/> of drone-7, as one stream item.</summary>
    private static TelemetryBatch[] Items(params TelemetryFix[] fixes) => [TelemetryBatch.Of("drone-7", fixes)];

    /// <summary>The fixes a consumer is handed from <paramref name="batch"/>.</summary>
    private static TelemetryFix[] Fixes(IBatchContainer batch) => [.. batch.GetEvents<TelemetryBatch>().SelectMany(e => e.Item1.ToFixes())];

    private static JsonObject Fix(string droneId = "drone-7") => new()
    {
        ["droneId"] = droneId,
        ["at"] = "2026-11-26T12:00:00+02:00",
        ["lat"] = 47.6,
        ["lon"] = -122.3,
        ["alt"] = 120,
        ["speedMps"] = 14.5,
        ["headingDeg"] = 270,
        ["batteryPct"] = 81.5,
    };

    private static string ArrayOf(params JsonObject[] fixes) => new JsonArray([.. fixes]).ToJsonString();

    private static ArraySegment<byte> Segment(int size) => new(new byte[size + 16], 8, size);

    private EventData Received(string body, string? partitionKey = "drone-7") => Received(Encoding.UTF8.GetBytes(body), partitionKey);

    private EventData Received(JsonNode body, string? partitionKey = "drone-7") => Received(body.ToJsonString(), partitionKey);

    private EventData Received(byte[] body, string? partitionKey = "drone-7")
    {
        var sequenceNumber = Interlocked.Increment(ref _sequenceNumber);
        return EventHubsModelFactory.EventData(
            new BinaryData(body),
            partitionKey: partitionKey,
            sequenceNumber: sequenceNumber,
            offsetString: (sequenceNumber * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            enqueuedTime: DateTimeOffset.UtcNow);
    }

    private IBatchContainer Batch(StreamPosition position, EventData received)
    {
        var cached = _adapter.FromQueueMessage(position, received, DateTime.UtcNow, Segment);
        return _adapter.GetBatchContainer(ref cached);
    }
}
