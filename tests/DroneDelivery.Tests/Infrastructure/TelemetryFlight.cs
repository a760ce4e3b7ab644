using System.Text.Json;
using System.Text.Json.Nodes;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A drone flying a straight line from its home base, one fix a second from
/// <paramref name="Takeoff"/>, reporting over Event Hubs as drones do: raw JSON, one fix per
/// event, with a few fixes sent together as an array. Two unreadable events ride along (bad
/// JSON, a fix without its drone id). Once there, the drone hovers at the end of the line and
/// goes on reporting that spot, stamped with the time of sending, as a drone's link never goes quiet.
/// </summary>
internal sealed record TelemetryFlight(string DroneId, Location From, Location To, DateTimeOffset Takeoff, int Steps = 20)
{
    /// <summary>Unreadable events sent in the flight: one of malformed JSON, one fix without a drone id.</summary>
    public const int MalformedEvents = 1;

    /// <inheritdoc cref="MalformedEvents"/>
    public const int EventsWithoutDroneId = 1;

    /// <summary>Every position reported along the line, in order; the last is where the drone hovers.</summary>
    public IReadOnlyList<TelemetryFix> Fixes { get; } = [.. Enumerable.Range(0, Steps + 1).Select(i => Fix(DroneId, From, To, Takeoff, i, Steps))];

    public TelemetryFix Arrival => Fixes[^1];

    /// <summary>The bodies of the flight's events, in the order they are sent, before the hovering.</summary>
    public IReadOnlyList<byte[]> Events()
    {
        var fixes = Fixes.Select(Json).ToArray();
        List<byte[]> events = [.. fixes[..5].Select(Bytes)];
        events.Add("""{"droneId":"cut-short","lat":"""u8.ToArray());
        events.Add(Bytes(Json(Fixes[5]).With("droneId", null)));
        events.Add(JsonSerializer.SerializeToUtf8Bytes(fixes[5..8]));
        events.AddRange(fixes[8..].Select(Bytes));
        return events;
    }

    /// <summary>A report after arriving: the same spot, now.</summary>
    public byte[] Hovering() => Bytes(Json(Arrival with { At = DateTimeOffset.UtcNow }));

    private static TelemetryFix Fix(string droneId, Location from, Location to, DateTimeOffset takeoff, int step, int steps)
    {
        var progress = (double)step / steps;
        return new TelemetryFix(
            droneId,
            takeoff.AddSeconds(step),
            Math.Round(from.Lat + ((to.Lat - from.Lat) * progress), 6),
            Math.Round(from.Lon + ((to.Lon - from.Lon) * progress), 6),
            120,
            15,
            45,
            100 - (step * 0.5));
    }

    // Written by hand rather than by the product's writer: this is what a drone's firmware sends.
    private static JsonObject Json(TelemetryFix fix) => new()
    {
        ["droneId"] = fix.DroneId,
        ["at"] = fix.At,
        ["lat"] = fix.Lat,
        ["lon"] = fix.Lon,
        ["alt"] = fix.Alt,
        ["speedMps"] = fix.SpeedMps,
        ["headingDeg"] = fix.HeadingDeg,
        ["batteryPct"] = fix.BatteryPct,
    };

    private static byte[] Bytes(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json);
}
