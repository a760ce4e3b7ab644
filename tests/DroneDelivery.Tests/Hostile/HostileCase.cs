namespace DroneDelivery.Tests.Hostile;

/// <summary>One generated request: whom it is sent as, where, with what, and whether the contract must refuse it.</summary>
internal sealed record HostileCase(
    SwaggerOperation Operation,
    string? ApiKey,
    string Target,
    IReadOnlyList<(string Name, string Value)> Headers,
    HostileBody? Body,
    bool MustFail,
    string What)
{
    public override string ToString() =>
        $"{Operation.Method} {(Target.Length > 300 ? Target[..300] + "..." : Target)} as {(ApiKey is null ? "nobody" : ApiKey[..Math.Min(8, ApiKey.Length)] + "...")}: {What}"
        + (Body is null ? "" : $"; body {Body}");
}
