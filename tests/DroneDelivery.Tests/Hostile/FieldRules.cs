using System.Text.Json.Nodes;
using CsCheck;
using static DroneDelivery.Tests.Hostile.HostileValues;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// Values the contract refuses, by property name, wherever the property appears: each one is a
/// 4xx whatever else the request holds. Negative and zero weights, coordinates past the poles and
/// the antimeridian, unknown enum names, ids with path characters, times out of every window.
/// </summary>
internal static class FieldRules
{
    private static readonly Gen<JsonNode> Past = Gen.OneOf("2001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00", Format(DateTimeOffset.UtcNow.AddDays(-2))).Select(Node);

    private static readonly Gen<JsonNode> BadId = InvalidId.Select(Node);

    public static IReadOnlyDictionary<string, Gen<JsonNode>> Invalid { get; } = new Dictionary<string, Gen<JsonNode>>
    {
        ["lat"] = InvalidLat.Select(Node),
        ["lon"] = InvalidLon.Select(Node),
        ["alt"] = Any(Gen.Double[10_000.001, 1e308], Gen.Double[-1e308, -500.001]).Select(Node),
        ["weightKg"] = Any(Gen.OneOf(0.0, -0.0, -1.0, 100.000001, 1e300, -5e-324), Gen.Double[-1e9, 0]).Select(Node),
        ["maxPayloadKg"] = Gen.OneOf(0.0, -1.0, 100.5, 1e300).Select(Node),
        ["cruiseSpeedMps"] = Gen.OneOf(0.0, -0.0, -15.0, 100.5).Select(Node),
        ["rangeKm"] = Gen.OneOf(0.0, -1.0, 1000.5, 1e300).Select(Node),
        ["batteryPct"] = Gen.OneOf(-0.001, 100.001, -100.0, 1e300).Select(Node),
        ["speedMps"] = Gen.OneOf(-0.1, 1000.1).Select(Node),
        ["headingDeg"] = Gen.OneOf(-1.0, 360.5, 720.0).Select(Node),
        ["deliveryId"] = BadId,
        ["packageId"] = BadId,
        ["droneId"] = BadId,
        ["name"] = Any(Gen.OneOf("", " ", "\t\n", "bell\u0007", "nul\u0000"), Gen.String[Gen.Char["n"], 201, 1000]).Select(Node),
        ["model"] = Any(Gen.OneOf("", "   ", "\u001b[31m"), Gen.String[Gen.Char["m"], 101, 1000]).Select(Node),
        ["tag"] = Any(Gen.OneOf("\u0000", "a\u0085b"), Gen.String[Gen.Char["t"], 101, 1000]).Select(Node),
        ["size"] = Gen.OneOf("Huge", "", "Small ", "Small,Large", "0").Select(Node),
        ["confirmationRequired"] = Gen.OneOf("Retina", "", "None|Voice").Select(Node),
        ["type"] = Gen.OneOf("None", "Retina", "", "Picture,Voice").Select(Node),
        ["event"] = Gen.OneOf("Exploded", "", "pickedup ").Select(Node),
        ["pickupTime"] = Any(Past, Gen.OneOf("not a time", "2026-02-30T00:00:00Z", "9999-12-31T23:59:59Z").Select(Node)),
        ["deadline"] = Any(Past, Gen.OneOf("tomorrow", "9999-12-31T23:59:59Z").Select(Node)),
        ["at"] = Any(Past, Gen.OneOf("now", Format(DateTimeOffset.UtcNow.AddHours(1))).Select(Node)),
        ["blobUri"] = Any(Gen.OneOf("http://proofs.example.com/p.jpg", "javascript:alert(1)", "not a uri", "/relative", "file:///etc/passwd"), Gen.String[Gen.Char["u"], 2049, 3000].Select(s => "https://x/" + s)).Select(Node),
        ["webhookUrl"] = Gen.OneOf("ftp://example.com/hook", "not a url", "javascript:alert(1)", "/hooks", "https://" + new string('h', 2100)).Select(Node),
    };

    private static JsonNode Node(double value) => JsonValue.Create(value);

    private static JsonNode Node(string value) => JsonValue.Create(value);
}
