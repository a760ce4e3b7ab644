namespace DroneDelivery.Simulator.Gateway;

/// <summary>Answer of <c>POST /api/businesses</c>; the key is shown only this once.</summary>
public sealed record BusinessCreatedResponse
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ApiKey { get; init; }
}
