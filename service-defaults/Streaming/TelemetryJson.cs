using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.ServiceDefaults.Serialization;

namespace DroneDelivery.ServiceDefaults.Streaming;

/// <summary>
/// The raw JSON of telemetry on Event Hubs, as drones publish it: one fix object, or an array of
/// fixes of one drone, camelCase, <c>event</c> by name and left out when there is none. It is the
/// JSON of a <c>POST /api/telemetry</c> item. Silos read it; silos and the gateway write it the
/// same way when they publish, so every event on the hub looks like one a drone sent.
/// </summary>
public static class TelemetryJson
{
    /// <summary>Content type of the events written here; readers don't require it.</summary>
    public const string ContentType = "application/json";

    /// <summary>
    /// Largest body read. A fix is about 200 bytes, so this is over a thousand fixes; the bound
    /// keeps any event well inside one block of the receiver's cache.
    /// </summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,

        // Unknown fields are passed over: drone firmware may send a new field before the silos know it.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        // Exactly one name, as the gateway reads it: the framework's converter would also take
        // " PickedUp" or "PickedUp,Delivered".
        Converters = { new StrictEnumConverter() },
    };

    /// <summary>Reads an event body; false, with the reason, if it is not one drone's valid fixes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out TelemetryFix[] fixes, out TelemetryRejection rejection)
    {
        fixes = [];
        if (body.IsEmpty)
        {
            rejection = TelemetryRejection.Empty;
            return false;
        }

        if (body.Length > MaxBodyBytes)
        {
            rejection = TelemetryRejection.TooLarge;
            return false;
        }

        TelemetryFixJson?[]? read;
        try
        {
            read = FirstToken(body) switch
            {
                JsonTokenType.StartObject => [JsonSerializer.Deserialize<TelemetryFixJson>(body, Options)],
                JsonTokenType.StartArray => JsonSerializer.Deserialize<TelemetryFixJson?[]>(body, Options),
                _ => null,
            };
        }
        catch (JsonException)
        {
            read = null;
        }

        if (read is null || Array.Exists(read, fix => fix is null))
        {
            rejection = TelemetryRejection.Malformed;
            return false;
        }

        var candidates = Array.ConvertAll(read, fix => fix!.ToModel());
        if (Validate(candidates) is { } invalid)
        {
            rejection = invalid;
            return false;
        }

        fixes = candidates;
        rejection = default;
        return true;
    }

    /// <summary>Why these fixes can't be one event of one drone, or null if they can.</summary>
    public static TelemetryRejection? Validate(IReadOnlyList<TelemetryFix> fixes)
    {
        if (fixes.Count == 0)
        {
            return TelemetryRejection.Empty;
        }

        var droneId = fixes[0].DroneId;
        foreach (var fix in fixes)
        {
            if (string.IsNullOrWhiteSpace(fix.DroneId))
            {
                return TelemetryRejection.MissingDroneId;
            }

            if (!string.Equals(fix.DroneId, droneId, StringComparison.Ordinal))
            {
                return TelemetryRejection.MixedDrones;
            }

            if (!InRange(fix))
            {
                return TelemetryRejection.OutOfRange;
            }
        }

        return null;
    }

    /// <summary>
    /// The body of the event publishing <paramref name="events"/> on the stream
    /// <paramref name="streamNamespace"/>/<paramref name="droneId"/>: they must be batches of valid
    /// fixes of that stream's drone, and go as one event. Refused here with an
    /// <see cref="ArgumentException"/>, rather than skipped by every silo where the producer would
    /// never hear of it.
    /// </summary>
    public static byte[] WriteEvent<T>(string? streamNamespace, string droneId, IEnumerable<T> events)
    {
        if (!string.Equals(streamNamespace, TelemetryStreams.Namespace, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The telemetry provider carries the {TelemetryStreams.Namespace} streams only, not {streamNamespace}.", nameof(streamNamespace));
        }

        var fixes = events.SelectMany(e => e is TelemetryBatch batch
            ? batch.ToFixes()
            : throw new ArgumentException($"Telemetry streams carry {nameof(TelemetryBatch)} items, not {e?.GetType().Name ?? "null"}.", nameof(events))).ToArray();
        if (Array.Exists(fixes, fix => !string.Equals(fix.DroneId, droneId, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A fix goes on the stream of its own drone; this is the stream of {droneId}.", nameof(events));
        }

        if (Validate(fixes) is { } rejection)
        {
            throw new ArgumentException($"These fixes would be skipped by the silos: {rejection}.", nameof(events));
        }

        return Write(fixes);
    }

    /// <summary>The body of one event: a single fix as an object, several as an array.</summary>
    public static byte[] Write(IReadOnlyList<TelemetryFix> fixes)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * Math.Max(fixes.Count, 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (fixes.Count == 1)
            {
                WriteFix(writer, fixes[0]);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var fix in fixes)
                {
                    WriteFix(writer, fix);
                }

                writer.WriteEndArray();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteFix(Utf8JsonWriter writer, TelemetryFix fix)
    {
        writer.WriteStartObject();
        writer.WriteString("droneId", fix.DroneId);
        writer.WriteString("at", fix.At);
        writer.WriteNumber("lat", fix.Lat);
        writer.WriteNumber("lon", fix.Lon);
        writer.WriteNumber("alt", fix.Alt);
        writer.WriteNumber("speedMps", fix.SpeedMps);
        writer.WriteNumber("headingDeg", fix.HeadingDeg);
        writer.WriteNumber("batteryPct", fix.BatteryPct);
        if (fix.Event is { } droneEvent)
        {
            writer.WriteString("event", droneEvent.ToString());
        }

        writer.WriteEndObject();
    }

    private static JsonTokenType FirstToken(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        return reader.Read() ? reader.TokenType : JsonTokenType.None;
    }

    // Comparisons with NaN are false, so a value that is not a number is out of range too.
    private static bool InRange(TelemetryFix fix) =>
        fix.Lat is >= -90 and <= 90
        && fix.Lon is >= -180 and <= 180
        && fix.BatteryPct is >= 0 and <= 100
        && fix.HeadingDeg is >= 0 and <= 360
        && fix.SpeedMps >= 0 && double.IsFinite(fix.SpeedMps)
        && double.IsFinite(fix.Alt);
}
