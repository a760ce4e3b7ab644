using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneDelivery.ServiceDefaults.Serialization;

/// <summary>
/// Enums as exactly one of their names, in any case. The framework's string converter also takes
/// a name with spaces around it and comma-separated names, which it ORs together into values
/// that may name nothing at all: <c>"Medium,Large"</c> would be a package size of 3.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NameConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class NameConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> Names = Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && Names.TryGetValue(name, out var value)
                ? value
                : throw new JsonException($"Must be one of {string.Join(", ", Names.Keys)}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
