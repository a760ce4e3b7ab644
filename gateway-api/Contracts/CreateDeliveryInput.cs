using DroneDelivery.GatewayApi.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The body of a delivery request and its optional <c>Idempotency-Key</c> header.</summary>
public sealed record CreateDeliveryInput(
    [property: FromBody] CreateDeliveryRequest Body,
    [property: FromHeader(Name = "Idempotency-Key")] string? IdempotencyKey) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (IdempotencyKey is not null && (IdempotencyKey.Length is 0 or > 200 || IdempotencyKey.Any(c => c is < '!' or > '~')))
        {
            errors.Add("Idempotency-Key", "Must be 1 to 200 printable ASCII characters without spaces.");
        }

        Body.Validate(errors);
    }
}
