using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>
/// A finished delivery, as the history keeps it: <see cref="Stage"/> is its final stage (Delivered,
/// Cancelled or Failed), reached at <see cref="FinishedAt"/>; <see cref="DeliveredAt"/> is null unless
/// delivered; <see cref="OnTime"/> says whether it was delivered by its deadline (null without a
/// deadline or when not delivered); <see cref="DistanceKm"/> is what its drone flew for it.
/// </summary>
public sealed record DeliverySummaryResponse(
    string Id,
    DeliveryStage Stage,
    string? DroneId,
    string PackageId,
    PackageSize PackageSize,
    double WeightKg,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? PickedUpAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset? Deadline,
    bool? OnTime,
    double DistanceKm)
{
    public static DeliverySummaryResponse From(DeliveryHistoryRecord r) => new(
        r.DeliveryId, r.FinalStage, r.DroneId, r.PackageId, r.PackageSize, r.WeightKg, r.RequestedAt, r.ScheduledAt,
        r.PickedUpAt, r.DeliveredAt, r.FinishedAt, r.Deadline, r.OnTime, r.DistanceKm);
}
