using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <param name="DeliveryId">The delivery's id, yours or one the API chose.</param>
/// <param name="Stage">Scheduled when a drone was assigned at once, AwaitingDrone when none is free yet.</param>
/// <param name="TrackingToken">The token that opens this delivery's tracking page, for the customer.</param>
/// <param name="TrackingUrl">The customer's tracking link.</param>
/// <param name="DroneId">The assigned drone, once scheduled.</param>
/// <param name="PickupEta">When the drone is expected at the pickup.</param>
/// <param name="DeliveryEta">When the package is expected at the drop-off.</param>
public sealed record DeliveryAcceptedResponse(
    string DeliveryId,
    DeliveryStage Stage,
    string TrackingToken,
    string TrackingUrl,
    string? DroneId,
    DateTimeOffset? PickupEta,
    DateTimeOffset? DeliveryEta);
