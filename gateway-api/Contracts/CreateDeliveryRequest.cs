using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A request to carry a package from a pickup to a drop-off.</summary>
public sealed record CreateDeliveryRequest
{
    /// <summary>Longest a request may plan ahead.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    /// <summary>How far in the past a pickup time may be, to allow for clock skew.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Your id for the delivery (optional). Repeating a request with the same id is safe.</summary>
    /// <example>order-20261126-0042</example>
    public string? DeliveryId { get; init; }

    /// <summary>Where the drone collects the package.</summary>
    public LocationDto? Pickup { get; init; }

    /// <summary>Where the drone leaves the package.</summary>
    public LocationDto? Dropoff { get; init; }

    /// <summary>Earliest pickup time (optional, UTC). Default: as soon as a drone can get there.</summary>
    public DateTimeOffset? PickupTime { get; init; }

    /// <summary>When the package must be delivered by (optional, UTC).</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Whether the delivery is expedited (optional).</summary>
    /// <example>false</example>
    public bool? Expedited { get; init; }

    /// <summary>What the drone must capture at the drop-off: None, FingerPrint, Picture or Voice. Default: None.</summary>
    /// <example>None</example>
    public ConfirmationType? ConfirmationRequired { get; init; }

    /// <summary>The package.</summary>
    public PackageDto? Package { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Id("deliveryId", DeliveryId);
        errors.Location("pickup", Pickup);
        errors.Location("dropoff", Dropoff);

        var latest = errors.Now + Horizon;
        if (PickupTime is { } pickupTime && (pickupTime < errors.Now - ClockSkew || pickupTime > latest))
        {
            errors.Add("pickupTime", "Must be from now to 30 days ahead.");
        }

        if (Deadline is { } deadline)
        {
            if (deadline <= (PickupTime ?? errors.Now) || deadline > latest + TimeSpan.FromDays(1))
            {
                errors.Add("deadline", "Must be after the pickup time (or now) and at most 30 days ahead.");
            }
        }

        errors.Required("package", Package);
        if (Package is not null)
        {
            errors.Id("package.packageId", Package.PackageId);
            errors.Required("package.size", Package.Size);
            errors.Required("package.weightKg", Package.WeightKg);
            errors.Range("package.weightKg", Package.WeightKg, 0, 100, minExclusive: true);
            errors.Text("package.tag", Package.Tag, 100);
        }
    }

    /// <summary>The request in the grains' terms; times in UTC, so equal requests compare equal.</summary>
    public DeliveryRequest ToModel() => new(
        Pickup!.ToModel(),
        Dropoff!.ToModel(),
        PickupTime?.ToUniversalTime(),
        Deadline?.ToUniversalTime(),
        Expedited ?? false,
        ConfirmationRequired ?? ConfirmationType.None,
        new PackageSpec(Package!.PackageId, Package.Size!.Value, Package.WeightKg!.Value, Package.Tag));
}
