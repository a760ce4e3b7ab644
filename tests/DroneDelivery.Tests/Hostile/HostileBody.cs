namespace DroneDelivery.Tests.Hostile;

/// <summary>A request body as sent: its bytes, its media type, and whether the contract must refuse it.</summary>
internal sealed record HostileBody(byte[]? Bytes, string? ContentType, bool MustFail, string What)
{
    public const string Json = "application/json";

    public override string ToString()
    {
        var text = Bytes is null ? "(none)" : System.Text.Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 400));
        return $"{What} [{ContentType ?? "no content type"}, {Bytes?.Length ?? 0} bytes] {text}";
    }
}
