using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>Proof of delivery captured at the drop-off.</summary>
public sealed record ConfirmationRequest : IValidatable
{
    /// <summary>FingerPrint, Picture or Voice: the kind the delivery requires.</summary>
    /// <example>Picture</example>
    public ConfirmationType? Type { get; init; }

    /// <summary>Where the captured proof is stored (optional, https).</summary>
    /// <example>https://proofs.example.com/deliveries/order-42.jpg</example>
    public string? BlobUri { get; init; }

    /// <summary>When it was captured (optional; default now).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Where it was captured (optional).</summary>
    public LocationDto? Location { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("type", Type);
        if (Type == ConfirmationType.None)
        {
            errors.Add("type", "Must be FingerPrint, Picture or Voice.");
        }

        if (BlobUri is not null && (BlobUri.Length > 2048 || !Uri.TryCreate(BlobUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("blobUri", "Must be an absolute https URL of at most 2048 characters.");
        }

        if (At is { } at && (at > errors.Now + TelemetryInput.MaxFutureSkew || at < errors.Now - TelemetryInput.MaxAge))
        {
            errors.Add("at", "Must be within the last day and not in the future.");
        }

        errors.Location("location", Location, required: false);
    }

    public Confirmation ToModel(DateTimeOffset now) => new(Type!.Value, BlobUri, At?.ToUniversalTime() ?? now, Location?.ToModel());
}
