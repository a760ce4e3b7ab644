using System.Globalization;
using CsCheck;

namespace DroneDelivery.Tests.Hostile;

/// <summary>The raw material of hostile requests: values at the contract's edges, and values past them.</summary>
internal static class HostileValues
{
    /// <summary>One of <paramref name="gens"/>, equally likely.</summary>
    public static Gen<T> Any<T>(params Gen<T>[] gens) => Gen.Int[0, gens.Length - 1].SelectMany(i => gens[i]);

    /// <summary>Valid coordinates, half of them on an edge of the world: the poles, the antimeridian, the equator, the prime meridian.</summary>
    public static Gen<(double Lat, double Lon)> ValidPoint { get; } = Gen.Select(
        Any(Gen.Double[-90, 90], Gen.OneOf(90.0, -90.0, 0.0, 89.999999, -89.999999, 1e-300)),
        Any(Gen.Double[-180, 180], Gen.OneOf(180.0, -180.0, 0.0, 179.999999, -179.999999, -0.0)));

    public static Gen<double> InvalidLat { get; } = Any(Gen.Double[90.000001, 1e308], Gen.Double[-1e308, -90.000001], Gen.OneOf(90.0000001, -90.0000001, double.MaxValue));

    public static Gen<double> InvalidLon { get; } = Any(Gen.Double[180.000001, 1e308], Gen.Double[-1e308, -180.000001], Gen.OneOf(180.0000001, -180.0000001, double.MinValue));

    /// <summary>Ids as the contract allows them: 1 to 64 of <c>[A-Za-z0-9_-]</c>.</summary>
    public static Gen<string> ValidId { get; } = Gen.String[Gen.Char["abcXYZ019_-"], 1, 64];

    /// <summary>Ids no route may take: path and query characters, encodings of them, wrong lengths, letters beyond ASCII.</summary>
    public static Gen<string> InvalidId { get; } = Any(
        Gen.OneOf("a/../b", "a%2Fb", "..%2F..%2Fetc", "%2e%2e", "a b", "a%00b", "x?y=1", "x#y", "a\\b", "x;y", "' or 1 eq 1", "{id}", "é", "%FF%FE", "%C3%28", "a%", "~", ".x", "*"),
        Gen.String[Gen.Char["abc"], 65, 300],
        // "." and ".." are dot segments: the client removes them from the path (RFC 3986, 5.2.4), so
        // they would reach another route, not this one with a bad id.
        Gen.String[Gen.Char["é中😀 \t/\\.%:;,'\"<>"], 1, 40].Where(id => id is not ("." or "..")));

    /// <summary>Text a human could type, within and beyond reason: empty, blank, control characters, other scripts, huge.</summary>
    public static Gen<string> HostileText { get; } = Any(
        Gen.OneOf("", " ", "\t", "\u0000", "bell\u0007", "line\nbreak", "\u202Eevil", "e\u0301", "😀", "<script>alert(1)</script>", "${jndi:ldap://x}", "'; DROP TABLE deliveries;--"),
        Gen.String[Gen.Char['\u0020', '\uD7FF'], 0, 300],
        Gen.String[Gen.Char["a"], 201, 5000],
        Gen.String[Gen.Char["x"], 70_000, 80_000]);

    /// <summary>Times around now, and ones the contract refuses (long past, far future, the ends of the calendar).</summary>
    public static Gen<DateTimeOffset> Time { get; } = Any(
        Gen.Int[-3600, 3600].Select(s => DateTimeOffset.UtcNow.AddSeconds(s)),
        Gen.Int[1, 40].Select(d => DateTimeOffset.UtcNow.AddDays(d)),
        Gen.OneOf(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.FromHours(14))));

    public static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Query values of every shape: numbers at and past limits, words, encodings, repeats.</summary>
    public static Gen<string> QueryValue { get; } = Any(
        Gen.Int[-10, 600].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf("", "0", "-1", "2147483648", "99999999999999999999", "1e3", "0x10", "NaN", "Infinity", "true", "null", "%00", "%FF", "a%20b", "Delivered", "delivered", "Flying", "Maintenance"),
        Gen.OneOf("2026-11-01T00:00:00Z", "2026-13-01", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday"),
        Gen.String[Gen.Char["ABCxyz0189+/=_-"], 1, 200],
        Gen.String[Gen.Char["z"], 1000, 3000]);

    /// <summary>
    /// Byte sequences that are not UTF-8: a lone continuation byte, an overlong slash, a UTF-16
    /// surrogate encoded as UTF-8, a truncated sequence, and bytes UTF-8 never uses.
    /// </summary>
    public static Gen<byte[]> InvalidUtf8 { get; } = Gen.OneOf<byte[]>([0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF], [0xFE, 0xFF], [0xC3, 0x28]);
}
