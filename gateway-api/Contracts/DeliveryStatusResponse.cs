using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record DeliveryStatusResponse(
    DeliveryStage Stage,
    string? DroneId,
    LocationDto? LastKnownLocation,
    DateTimeOffset? PickupEta,
    DateTimeOffset? DeliveryEta,
    DateTimeOffset UpdatedAt)
{
    public static DeliveryStatusResponse From(DeliveryStatus s) =>
        new(s.Stage, s.DroneId, LocationDto.From(s.LastKnownLocation), s.PickupEta, s.DeliveryEta, s.UpdatedAt);
}
