using System.Text.RegularExpressions;
using DroneDelivery.GatewayApi.Contracts;

namespace DroneDelivery.GatewayApi.Validation;

/// <summary>Collects field errors, keyed by the field's JSON path (e.g. <c>package.weightKg</c>).</summary>
public sealed partial class ValidationErrors(DateTimeOffset now)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>The time rules about "past" and "future" are judged against.</summary>
    public DateTimeOffset Now { get; } = now;

    public bool IsEmpty => _errors.Count == 0;

    public void Add(FieldPath field, string message)
    {
        var key = field.ToString();
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Required<T>(FieldPath field, T? value)
    {
        if (value is null)
        {
            Add(field, "This field is required.");
        }
    }

    /// <summary>An optional id: 1 to 64 letters, digits, '-' or '_'.</summary>
    public void Id(FieldPath field, string? value)
    {
        if (value is not null && !IdFormat().IsMatch(value))
        {
            Add(field, "Must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'.");
        }
    }

    /// <summary>Optional free text of at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public void Text(FieldPath field, string? value, int maxLength, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Required(field, value);
            }

            return;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Must not be empty.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            Add(field, "Must not contain control characters.");
        }
    }

    public void Range(FieldPath field, double? value, double min, double max, bool minExclusive = false)
    {
        if (value is not { } v)
        {
            return;
        }

        if ((minExclusive ? v <= min : v < min) || v > max)
        {
            Add(field, minExclusive ? $"Must be greater than {min} and at most {max}." : $"Must be between {min} and {max}.");
        }
    }

    public void Location(FieldPath field, LocationDto? location, bool required = true)
    {
        if (location is null)
        {
            if (required)
            {
                Required(field, location);
            }

            return;
        }

        Location(field, location.Lat, location.Lon, location.Alt);
    }

    /// <summary>A location given as the fields of <paramref name="field"/>: latitude and longitude required.</summary>
    public void Location(FieldPath field, double? lat, double? lon, double? alt)
    {
        Required(field.Field("lat"), lat);
        Required(field.Field("lon"), lon);
        Range(field.Field("lat"), lat, -90, 90);
        Range(field.Field("lon"), lon, -180, 180);
        Range(field.Field("alt"), alt, -500, 10_000);
    }

    public static bool IsId(string? value) => value is not null && IdFormat().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdFormat();
}
