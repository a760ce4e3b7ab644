namespace DroneDelivery.Simulator.Gateway;

/// <summary>A delivery handed to a drone, as the mission long-poll carries it.</summary>
public sealed record MissionDto
{
    public string? DeliveryId { get; init; }

    public LocationDto? Pickup { get; init; }

    public LocationDto? Dropoff { get; init; }

    public double WeightKg { get; init; }

    /// <summary><c>None</c>, <c>FingerPrint</c>, <c>Picture</c> or <c>Voice</c>; kept as text so a new kind doesn't make the whole answer unreadable.</summary>
    public string? ConfirmationRequired { get; init; }

    public DateTimeOffset? PickupTime { get; init; }

    public DateTimeOffset? PickupEta { get; init; }

    public DateTimeOffset? DeliveryEta { get; init; }
}
