using System.Globalization;
using CsCheck;
using static DroneDelivery.Tests.Hostile.HostileValues;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// Query and header parameters of the document, by name: values the contract accepts, and values it
/// refuses. Names match in any case, as the gateway binds them.
/// </summary>
internal static class QueryRules
{
    private static readonly Gen<string?> Month = Gen.Int[1, 12].Select(m => m.ToString(CultureInfo.InvariantCulture)).Null(0);

    /// <summary>
    /// A valid value (null: the parameter left out). The long-poll always says how long to wait,
    /// briefly: left out, it would hold each generated request for 20 seconds.
    /// </summary>
    public static IReadOnlyDictionary<string, Gen<string?>> Valid { get; } = new Dictionary<string, Gen<string?>>(StringComparer.OrdinalIgnoreCase)
    {
        ["limit"] = Gen.Int[1, 500].Select(i => i.ToString(CultureInfo.InvariantCulture)).Null(0.3),
        ["continuationToken"] = Gen.Const((string?)null),
        ["status"] = Gen.OneOf<string?>(null, "Available", "maintenance", "Offline", "HeadedToPickup"),
        ["stage"] = Gen.OneOf<string?>(null, "Delivered", "cancelled", "Failed"),
        ["from"] = Gen.Int[-400, 400].Select(d => Format(DateTimeOffset.UtcNow.AddDays(d))).Null(0.5),
        ["to"] = Gen.Const((string?)null),
        ["year"] = Gen.Int[2000, 9999].Select(y => y.ToString(CultureInfo.InvariantCulture)).Null(0),
        ["month"] = Month,
        ["after"] = Gen.Long[0, long.MaxValue].Select(v => v.ToString(CultureInfo.InvariantCulture)).Null(0.5),
        ["waitSeconds"] = Gen.OneOf<string?>("0"),
        ["Idempotency-Key"] = Gen.String[Gen.Char['!', '~'], 1, 200].Null(0.5),
    };

    /// <summary>A value the contract refuses.</summary>
    public static IReadOnlyDictionary<string, Gen<string>> Invalid { get; } = new Dictionary<string, Gen<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["limit"] = Gen.OneOf("0", "-1", "501", "many", "2147483648", "1.5", "1e2", ""),
        ["continuationToken"] = Any(Gen.OneOf("garbage!", "not/a+token"), Gen.String[Gen.Char["A"], 1025, 2000]),
        ["status"] = Gen.OneOf("Flying", "5", "Available,Offline", "%20"),
        ["stage"] = Gen.OneOf("AwaitingDrone", "Requested", "1", "Pending"),
        ["from"] = Gen.OneOf("yesterday", "2026-13-01", "1", "9999-99-99"),
        ["to"] = Gen.OneOf("tomorrow", "2026-02-30T00:00:00Z"),
        ["year"] = Gen.OneOf("1999", "10000", "-2026", "x", "2026.5", ""),
        ["month"] = Gen.OneOf("0", "13", "-1", "Nov", ""),
        ["after"] = Gen.OneOf("-1", "x", "9223372036854775808", "1.5"),
        ["waitSeconds"] = Gen.OneOf("21", "-1", "x", "99999999999", "0.5"),
        ["Idempotency-Key"] = Gen.String[Gen.Char['!', '~'], 201, 1000],
    };

    /// <summary>Anything at all, for parameters whose refusal this suite does not predict.</summary>
    public static Gen<string> Random => QueryValue;
}
