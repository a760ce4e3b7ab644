using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record DeliveryStatusResponse(
    DeliveryStage Stage,
    string? DroneId,
    LocationDto? LastKnownLocation,
    DateTimeOffset? PickupEta,
    DateTimeOffset? DeliveryEta,
    DateTimeOffset UpdatedAt);
