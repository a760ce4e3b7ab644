using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A drone's mission: fly to the pickup, collect the package, fly to the drop-off.</summary>
public sealed record MissionResponse(
    string DeliveryId,
    LocationDto Pickup,
    LocationDto Dropoff,
    double WeightKg,
    ConfirmationType ConfirmationRequired,
    DateTimeOffset? PickupTime,
    DateTimeOffset PickupEta,
    DateTimeOffset DeliveryEta)
{
    public static MissionResponse From(Mission mission) => new(
        mission.DeliveryId,
        LocationDto.From(mission.Pickup)!,
        LocationDto.From(mission.Dropoff)!,
        mission.WeightKg,
        mission.ConfirmationRequired,
        mission.PickupTime,
        mission.PickupEta,
        mission.DeliveryEta);
}
