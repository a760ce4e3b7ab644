using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneDelivery.Simulator.Gateway;

/// <summary>The gateway's JSON: camelCase, enums by name. Nulls are left out, because the gateway
/// refuses properties it doesn't know and optional ones are best not sent at all.</summary>
public static class GatewayJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
