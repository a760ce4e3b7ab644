using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record DroneResponse(
    string Id,
    string Model,
    double MaxPayloadKg,
    double CruiseSpeedMps,
    double RangeKm,
    LocationDto HomeBase,
    DroneStatus Status,
    LocationDto Position,
    double BatteryPct,
    string? DeliveryId,
    DateTimeOffset UpdatedAt)
{
    public static DroneResponse From(DroneDetails drone) => new(
        drone.Id,
        drone.Spec.Model,
        drone.Spec.MaxPayloadKg,
        drone.Spec.CruiseSpeedMps,
        drone.Spec.RangeKm,
        LocationDto.From(drone.Spec.HomeBase)!,
        drone.Status,
        LocationDto.From(drone.Position)!,
        drone.BatteryPct,
        drone.DeliveryId,
        drone.UpdatedAt);
}
