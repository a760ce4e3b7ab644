using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The answer to <c>Track</c>: the trip, the stages so far, and where the delivery stands now.</summary>
public sealed record TrackingSnapshotResponse(
    string DeliveryId,
    LocationDto Pickup,
    LocationDto Dropoff,
    IReadOnlyList<MilestoneResponse> Milestones,
    TrackingStatusMessage Status,
    TrackingPositionMessage? Position)
{
    public static TrackingSnapshotResponse From(TrackingSnapshot s) => new(
        s.Current.DeliveryId,
        LocationDto.From(s.Pickup)!,
        LocationDto.From(s.Dropoff)!,
        [.. s.Milestones.Select(m => new MilestoneResponse(m.Stage, m.At, LocationDto.From(m.Location), m.Note))],
        TrackingStatusMessage.From(s.Current),
        s.Current.Position is { } p ? TrackingPositionMessage.From(s.Current.DeliveryId, p) : null);
}
