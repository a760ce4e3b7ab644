using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The <c>status</c> message of the tracking hub: the delivery's stage and ETAs.</summary>
public sealed record TrackingStatusMessage(
    string DeliveryId, DeliveryStage Stage, DateTimeOffset? PickupEta, DateTimeOffset? DeliveryEta, DateTimeOffset At)
{
    public static TrackingStatusMessage From(TrackingUpdate u) => new(u.DeliveryId, u.Stage, u.PickupEta, u.DeliveryEta, u.At);
}
