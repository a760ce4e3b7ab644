using System.Text.Json.Nodes;
using CsCheck;
using static DroneDelivery.Tests.Hostile.HostileValues;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// Bodies the contract accepts, by the name of their schema in the Swagger document, with values at
/// its edges (poles, the antimeridian, the lightest and heaviest packages). Ids come from the world,
/// so valid requests reach real deliveries, packages and drones, the victim's among them.
/// </summary>
internal sealed class ValidBodies(HostileWorld world)
{
    /// <summary>Properties each schema requires, wherever they appear in it (a location's lat and lon).</summary>
    public static IReadOnlyDictionary<string, string[]> Required { get; } = new Dictionary<string, string[]>
    {
        ["RegisterBusinessRequest"] = ["name"],
        ["CreateDeliveryRequest"] = ["pickup", "dropoff", "package", "size", "weightKg", "lat", "lon"],
        ["UpdateDeliveryRequest"] = ["lat", "lon"],
        ["ConfirmationRequest"] = ["type", "lat", "lon"],
        ["RegisterDroneRequest"] = ["model", "maxPayloadKg", "cruiseSpeedMps", "rangeKm", "homeBase", "lat", "lon"],
        ["TelemetryFixDto[]"] = ["droneId", "at", "lat", "lon", "batteryPct"],
    };

    /// <summary>A valid body of <paramref name="schema"/>; a schema without one fails the suite.</summary>
    public Gen<JsonNode> For(string schema) => schema switch
    {
        "RegisterBusinessRequest" => Business,
        "CreateDeliveryRequest" => Delivery,
        "UpdateDeliveryRequest" => Update,
        "ConfirmationRequest" => Confirmation,
        "RegisterDroneRequest" => Drone,
        "TelemetryFixDto[]" => Fix.Array[1, 5].Select(fixes => (JsonNode)new JsonArray([.. fixes])),
        _ => throw new InvalidOperationException($"The Swagger document has a body schema '{schema}' that {nameof(ValidBodies)} cannot generate."),
    };

    private static Gen<JsonNode> Location { get; } =
        from point in ValidPoint
        from alt in Gen.Double[-500, 10_000].Nullable(0.5)
        select (JsonNode)Object(("lat", point.Lat), ("lon", point.Lon), ("alt", alt));

    /// <summary>Left out, new, or one that exists (and may be the victim's): a third each.</summary>
    private static Gen<string?> Known(string[] existing) =>
        Gen.Int[0, 2].SelectMany(choice => choice switch
        {
            0 => Gen.Const((string?)null),
            1 => ValidId.Null(0),
            _ => Gen.OneOf(existing).Null(0),
        });

    private static Gen<JsonNode?> Maybe(Gen<JsonNode> gen) => gen.Null(0.5);

    private static Gen<string> Name { get; } = Any(Gen.String[Gen.Char['!', '~'], 1, 200], Gen.OneOf("Contoso", "Ünïcödé GmbH", "中文公司", "😀 Drones"));

    private static Gen<JsonNode> Business { get; } =
        from name in Name
        from hook in Gen.OneOf<string?>(null, "https://example.com/hook", "http://127.0.0.1:1/x", "http://169.254.169.254/latest", "https://[::1]/x")
        select (JsonNode)Object(("name", name), ("webhookUrl", hook));

    private Gen<JsonNode> Delivery =>
        from id in Known([.. world.VictimDeliveries, .. world.AttackerDeliveries])
        from pickup in Location
        from dropoff in Location
        from start in Gen.Int[1, 48 * 60].Nullable(0.6)
        from window in Gen.Int[1, 48 * 60].Nullable(0.5)
        from expedited in Gen.Bool.Nullable(0.5)
        from confirmation in Gen.OneOf<string?>(null, "None", "FingerPrint", "Picture", "Voice", "picture")
        from package in Package
        let pickupTime = start is { } m ? DateTimeOffset.UtcNow.AddMinutes(m) : (DateTimeOffset?)null
        select (JsonNode)Object(
            ("deliveryId", id), ("pickup", pickup), ("dropoff", dropoff),
            ("pickupTime", pickupTime is { } p ? Format(p) : null),
            ("deadline", window is { } w ? Format((pickupTime ?? DateTimeOffset.UtcNow).AddMinutes(w + 5)) : null),
            ("expedited", expedited), ("confirmationRequired", confirmation), ("package", package));

    private Gen<JsonNode> Package =>
        from id in Known([.. world.VictimPackages])
        from size in Gen.OneOf("Small", "Medium", "Large")
        from weight in Any(Gen.Double[1e-9, 100], Gen.OneOf(100.0, 1e-9, 5e-324, 99.999999))
        from tag in Gen.String[Gen.Char[' ', '~'], 0, 100].Null(0.5)
        select (JsonNode)Object(("packageId", id), ("size", size), ("weightKg", weight), ("tag", tag));

    private static Gen<JsonNode> Update { get; } =
        from pickup in Maybe(Location)
        from dropoff in Maybe(Location)
        from start in Gen.Int[1, 48 * 60]
        select (JsonNode)Object(
            ("pickup", pickup), ("dropoff", dropoff),
            ("pickupTime", pickup is null && dropoff is null ? Format(DateTimeOffset.UtcNow.AddMinutes(start)) : null));

    private static Gen<JsonNode> Confirmation { get; } =
        from type in Gen.OneOf("FingerPrint", "Picture", "Voice")
        from uri in Gen.OneOf<string?>(null, "https://proofs.example.com/p.jpg", "https://[::1]/x", "https://例え.jp/p")
        from location in Maybe(Location)
        select (JsonNode)Object(("type", type), ("blobUri", uri), ("at", Format(DateTimeOffset.UtcNow.AddSeconds(-5))), ("location", location));

    private static Gen<JsonNode> Drone { get; } =
        from model in Gen.String[Gen.Char['!', '~'], 1, 100]
        from payload in Any(Gen.Double[1e-6, 100], Gen.OneOf(100.0, 1e-9))
        from speed in Any(Gen.Double[1e-6, 100], Gen.OneOf(100.0, 1e-9))
        from range in Any(Gen.Double[1e-6, 1000], Gen.OneOf(1000.0, 1e-9))
        from home in Location
        select (JsonNode)Object(("model", model), ("maxPayloadKg", payload), ("cruiseSpeedMps", speed), ("rangeKm", range), ("homeBase", home));

    private Gen<JsonNode> Fix =>
        from drone in Gen.OneOf([.. world.Drones])
        from ago in Gen.Int[0, 3600]
        from point in ValidPoint
        from speed in Gen.Double[0, 1000].Nullable(0.3)
        from heading in Any(Gen.Double[0, 360], Gen.OneOf(0.0, 360.0)).Nullable(0.3)
        from battery in Any(Gen.Double[0, 100], Gen.OneOf(0.0, 100.0))
        from droneEvent in Gen.OneOf<string?>(null, null, null, "PickedUp", "Delivered", "Fault")
        select (JsonNode)Object(
            ("droneId", drone), ("at", Format(DateTimeOffset.UtcNow.AddSeconds(-ago))), ("lat", point.Lat), ("lon", point.Lon),
            ("speedMps", speed), ("headingDeg", heading), ("batteryPct", battery), ("event", droneEvent));

    /// <summary>A JSON object of the properties that have a value; a null one is left out, as a client would.</summary>
    private static JsonObject Object(params (string Name, object? Value)[] properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                json[name] = value switch
                {
                    JsonNode node => node,
                    double number => JsonValue.Create(number),
                    bool flag => JsonValue.Create(flag),
                    _ => JsonValue.Create(value.ToString()),
                };
            }
        }

        return json;
    }
}
