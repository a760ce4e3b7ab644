namespace DroneDelivery.Simulator.Gateway;

/// <summary>Answer of <c>GET /api/drones/{id}/mission</c>: the drone's current mission and its version.</summary>
public sealed record DroneMissionResponse
{
    public string? DroneId { get; init; }

    /// <summary>Changes whenever anything in the answer changes; sent back as <c>after</c> to wait for the next change.</summary>
    public long Version { get; init; }

    public string? Status { get; init; }

    public LocationDto? HomeBase { get; init; }

    /// <summary>Null when the drone has no mission.</summary>
    public MissionDto? Mission { get; init; }
}
