using DroneDelivery.GatewayApi.Apis;
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
    string TrackingUrl)
{
    public static DeliveryResponse From(DeliveryDetails d, TrackingLinks links)
    {
        var r = d.Request;
        return new DeliveryResponse(
            d.Id,
            d.OwnerId,
            LocationDto.From(r.Pickup)!,
            LocationDto.From(r.Dropoff)!,
            r.PickupTime,
            r.Deadline,
            r.Expedited,
            r.ConfirmationRequired,
            new DeliveryPackageResponse(d.PackageId, r.Package.Size, r.Package.WeightKg, r.Package.Tag),
            d.Stage,
            d.DroneId,
            d.PickupEta,
            d.DeliveryEta,
            d.CreatedAt,
            d.UpdatedAt,
            links.For(d.Id, d.TrackingToken));
    }
}
