using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>Variations on a JSON object, written out the way a test reads them: "this fix, with latitude 91".</summary>
internal static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject json, string name, JsonNode? value)
    {
        var copy = json.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    public static JsonObject Without(this JsonObject json, string name)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }
}
