using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record DeliveryResponse(
    string Id,
    string OwnerId,
    LocationDto Pickup,
    LocationDto Dropoff,
    DateTimeOffset? PickupTime,
    DateTimeOffset? Deadline,
    bool Expedited,
    ConfirmationType ConfirmationRequired,
    DeliveryPackageResponse Package,
    DeliveryStage Stage,
    string? DroneId,
    DateTimeOffset? PickupEta,
    DateTimeOffset? DeliveryEta,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string TrackingUrl);
