using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>Changes to a delivery not yet picked up; omitted fields stay as they are.</summary>
public sealed record UpdateDeliveryRequest : IValidatable
{
    public LocationDto? Pickup { get; init; }

    public LocationDto? Dropoff { get; init; }

    public DateTimeOffset? PickupTime { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public void Validate(ValidationErrors errors)
    {
        if (Pickup is null && Dropoff is null && PickupTime is null && Deadline is null)
        {
            errors.Add("body", "Give at least one of pickup, dropoff, pickupTime, deadline.");
        }

        errors.Location("pickup", Pickup, required: false);
        errors.Location("dropoff", Dropoff, required: false);
        var latest = errors.Now + CreateDeliveryRequest.Horizon;
        if (PickupTime is { } pickupTime && (pickupTime < errors.Now - CreateDeliveryRequest.ClockSkew || pickupTime > latest))
        {
            errors.Add("pickupTime", "Must be from now to 30 days ahead.");
        }

        if (Deadline is { } deadline && (deadline <= (PickupTime ?? errors.Now) || deadline > latest + TimeSpan.FromDays(1)))
        {
            errors.Add("deadline", "Must be after the pickup time (or now) and at most 30 days ahead.");
        }
    }

    public DeliveryChanges ToModel() => new(Pickup?.ToModel(), Dropoff?.ToModel(), PickupTime?.ToUniversalTime(), Deadline?.ToUniversalTime());
}
