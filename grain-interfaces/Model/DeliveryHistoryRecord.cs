namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// A finished delivery as the history keeps it: written once when it is Delivered, Cancelled or
/// Failed. The same delivery always yields the same record, so writing it again changes nothing.
/// <see cref="DistanceKm"/> is what its last drone flew for it, fix to fix from the first fix the
/// delivery heard; <see cref="TookOffAt"/> is when that drone left for it (null if none flew);
/// <see cref="Milestones"/> are oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("DeliveryHistoryRecord")]
public sealed record DeliveryHistoryRecord(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string PackageId,
    [property: Id(3)] PackageSize PackageSize,
    [property: Id(4)] double WeightKg,
    [property: Id(5)] string? DroneId,
    [property: Id(6)] DeliveryStage FinalStage,
    [property: Id(7)] DateTimeOffset RequestedAt,
    [property: Id(8)] DateTimeOffset? ScheduledAt,
    [property: Id(9)] DateTimeOffset? PickedUpAt,
    [property: Id(10)] DateTimeOffset FinishedAt,
    [property: Id(11)] DateTimeOffset? Deadline,
    [property: Id(12)] double DistanceKm,
    [property: Id(13)] DateTimeOffset? TookOffAt,
    [property: Id(14)] IReadOnlyList<Milestone> Milestones)
{
    /// <summary>When it was delivered; null if it was cancelled or failed.</summary>
    public DateTimeOffset? DeliveredAt => FinalStage == DeliveryStage.Delivered ? FinishedAt : null;

    /// <summary>
    /// For a delivered delivery with a deadline: whether it arrived by then. Null otherwise: one
    /// without a deadline promised no time, and a cancelled or failed one is counted as such.
    /// </summary>
    public bool? OnTime => DeliveredAt is { } delivered && Deadline is { } deadline ? delivered <= deadline : null;

    /// <summary>Time its drone flew for it, take-off to finish; zero if none did.</summary>
    public TimeSpan FlightTime => TookOffAt is { } start && FinishedAt > start ? FinishedAt - start : TimeSpan.Zero;
}
