using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using static DroneDelivery.Tests.Hostile.HostileValues;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// Turns a valid body into a hostile one, by the tree (a value out of range, of the wrong type, a
/// required property gone, an unknown one added) or by the bytes (not JSON, not UTF-8, nested
/// past any sane depth, larger than the limit, or announced as another media type).
/// </summary>
internal static class BodyMutations
{
    private const string Raw = "\u0001raw\u0001";

    public static Gen<HostileBody> Mutate(string schema, JsonNode valid) =>
        Gen.Int[0, 13].SelectMany(kind => Gen.Int[0, 1 << 20].SelectMany(pick => Apply(kind, pick, schema, valid.DeepClone())));

    private static Gen<HostileBody> Apply(int kind, int pick, string schema, JsonNode body)
    {
        var slots = Slots(body).ToList();
        var slot = slots.Count == 0 ? default : slots[pick % slots.Count];
        var ruled = slots.Where(s => FieldRules.Invalid.ContainsKey(s.Name)).ToList();
        switch (kind)
        {
            case 0 when ruled.Count > 0:
                var target = ruled[pick % ruled.Count];
                return FieldRules.Invalid[target.Name].Select(v => Set(body, target, v, $"{target.Name} out of the contract"));
            case 1 when slot.Parent is not null:
                return WrongType(slot.Value).Select(v => Set(body, slot, v, $"{slot.Name} of the wrong type"));
            case 2 when slot.Parent is not null:
                var required = ValidBodies.Required[schema].Contains(slot.Name);
                slot.Parent.Remove(slot.Name);
                return Gen.Const(Text(body, required, $"{slot.Name} left out"));
            case 3 when slot.Parent is not null && ValidBodies.Required[schema].Contains(slot.Name):
                slot.Parent[slot.Name] = null;
                return Gen.Const(Text(body, true, $"required {slot.Name} null"));
            case 4:
                var objects = Objects(body).ToList();
                objects[pick % objects.Count]["surprise" + (pick % 3)] = pick;
                return Gen.Const(Text(body, true, "an unknown property"));
            case 5:
                var json = body.ToJsonString();
                var cut = pick % Math.Max(1, json.Length - 1);
                return Gen.Const(new HostileBody(Encoding.UTF8.GetBytes(json[..cut]), HostileBody.Json, true, $"cut after {cut} characters"));
            case 6 when slot.Parent is not null:
                return Gen.OneOf("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "undefined", "'single'", "tru")
                    .Select(token => Spliced(body, slot, Encoding.UTF8.GetBytes(token), $"{slot.Name} as the bare token {token}"));
            case 7 when slot.Parent is not null:
                return InvalidUtf8.Select(bytes => Spliced(body, slot, [(byte)'"', (byte)'a', .. bytes, (byte)'"'], $"{slot.Name} not UTF-8"));
            case 8 when slot.Parent is not null:
                return Gen.OneOf("\"\\ud800\"", "\"\\udc00x\"", "\"\\u00\"", "\"\\x41\"", "\"tab\there\"")
                    .Select(s => Spliced(body, slot, Encoding.UTF8.GetBytes(s), $"{slot.Name} a broken string {s}"));
            case 9:
                return Gen.Int[65, 20_000].Select(depth => Spliced(
                    body, slot.Parent is null ? default : slot, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), $"nested {depth} deep"));
            case 10:
                return Gen.OneOf("null", "[]", "{}", "\"text\"", "42", "true", "", " ", "[{}]", "{\"\":{}}")
                    .Select(root => new HostileBody(Encoding.UTF8.GetBytes(root), HostileBody.Json, true, $"the body {root}"));
            case 11:
                return Gen.OneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png", "application/jsonx", null)
                    .Select(type => new HostileBody(Encoding.UTF8.GetBytes(body.ToJsonString()), type, true, $"sent as {type ?? "nothing"}"));
            case 12:
                return Gen.Int[66_000, 700_000].Select(size => Huge(body, slot, size));
            case 13 when body is JsonObject root && root.Count > 0:
                var first = root.First();
                var duplicated = body.ToJsonString().Insert(1, $"\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"},");
                return Gen.Const(new HostileBody(Encoding.UTF8.GetBytes(duplicated), HostileBody.Json, true, $"{first.Key} twice"));
        }

        // The mutation had nothing to work on (e.g. no property of a ruled name): add an unknown property instead.
        return Apply(4, pick, schema, body);
    }

    private static Gen<JsonNode> WrongType(JsonNode? value) => value?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => Gen.OneOf<JsonNode>(JsonValue.Create(1), JsonValue.Create(true), new JsonObject(), new JsonArray()),
        System.Text.Json.JsonValueKind.Number => Gen.OneOf<JsonNode>(JsonValue.Create("12"), JsonValue.Create(false), new JsonArray(JsonValue.Create(1)), new JsonObject()),
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Gen.OneOf<JsonNode>(JsonValue.Create("true"), JsonValue.Create(1), new JsonArray()),
        System.Text.Json.JsonValueKind.Array => Gen.OneOf<JsonNode>(new JsonObject(), JsonValue.Create("[]"), JsonValue.Create(0)),
        _ => Gen.OneOf<JsonNode>(new JsonArray(JsonValue.Create(47.6), JsonValue.Create(-122.3)), JsonValue.Create("{}"), JsonValue.Create(3)),
    };

    /// <summary>Past the body limit: the largest string grows, or a telemetry batch of many fixes.</summary>
    private static HostileBody Huge(JsonNode body, Slot slot, int size)
    {
        if (body is JsonArray fixes && fixes.Count > 0)
        {
            var many = new JsonArray([.. Enumerable.Range(0, Math.Max(1001, size / 150)).Select(_ => fixes[0]!.DeepClone())]);
            return Text(many, true, $"{many.Count} fixes");
        }

        return slot.Parent is null
            ? Text(body, true, "unchanged")
            : Spliced(body, slot, Encoding.UTF8.GetBytes("\"" + new string('x', size) + "\""), $"{slot.Name} of {size} characters");
    }

    private static HostileBody Set(JsonNode body, Slot slot, JsonNode value, string what)
    {
        slot.Parent![slot.Name] = value;
        return Text(body, true, what);
    }

    private static HostileBody Text(JsonNode body, bool mustFail, string what) =>
        new(Encoding.UTF8.GetBytes(body.ToJsonString()), HostileBody.Json, mustFail, what);

    /// <summary>Puts raw bytes where a property's value was (or into a new property), bypassing any JSON writer.</summary>
    private static HostileBody Spliced(JsonNode body, Slot slot, byte[] raw, string what)
    {
        var parent = slot.Parent ?? Objects(body).First();
        parent[slot.Parent is null ? "surprise" : slot.Name] = Raw;
        var text = Encoding.UTF8.GetBytes(body.ToJsonString());
        var marker = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Raw));
        var at = text.AsSpan().IndexOf(marker);
        return new HostileBody([.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + marker.Length)], HostileBody.Json, true, what);
    }

    private readonly record struct Slot(JsonObject? Parent, string Name, JsonNode? Value);

    private static IEnumerable<Slot> Slots(JsonNode? node) => node switch
    {
        JsonObject o => o.ToList().SelectMany(p => Slots(p.Value).Prepend(new Slot(o, p.Key, p.Value))),
        JsonArray a => a.SelectMany(Slots),
        _ => [],
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
