using CsCheck;
using static DroneDelivery.Tests.Hostile.HostileValues;

namespace DroneDelivery.Tests.Hostile;

/// <summary>One generated hub invocation: a method name, known or not, and arguments of any shape and number.</summary>
internal sealed record HubCall(string Method, object?[] Arguments)
{
    /// <summary>Hub messages are at most 4 KiB; these stay under it, so each call tests the hub, not the transport's limit.</summary>
    private static readonly Gen<object?> Argument = Any<object?>(
        InvalidId.Where(s => s.Length < 300).Select(s => (object?)s),
        HostileText.Where(s => s.Length < 1000).Select(s => (object?)s),
        ValidId.Select(s => (object?)s),
        Gen.OneOf<object?>(null, 0, -1, long.MaxValue, 1.5e308, true, new[] { "a", "b" }, new Dictionary<string, object> { ["deliveryId"] = "x" }));

    public static Gen<HubCall> Generate(string[] methods, string[] ids, string[] tokens) =>
        from method in Any(Gen.OneOf(methods), Gen.OneOf("track", "TRACK", "Nope", "OnConnectedAsync", "OnDisconnectedAsync", "Dispose", " ", "Track ", "ToString", "Track\u0000"))
        from count in Gen.Int[0, 3]
        from known in Gen.Bool
        from id in Gen.OneOf(ids)
        from token in Gen.OneOf(tokens)
        from others in Argument.Array[count, count]
        select new HubCall(method, known && count == 2 ? [id, token] : others);

    public override string ToString() =>
        $"{Method}({string.Join(", ", Arguments.Select(a => a is string s ? $"\"{(s.Length > 60 ? s[..60] + "..." : s)}\"" : a?.ToString() ?? "null"))})";
}
