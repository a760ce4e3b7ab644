using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The query of <c>GET /api/drones</c>; its names given so the Swagger document spells them as the contract does.</summary>
public sealed record DroneListQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "continuationToken")] string? ContinuationToken) : IValidatable
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public DroneStatus? ParsedStatus =>
        Status is null ? null : Enum.GetValues<DroneStatus>().First(s => s.ToString().Equals(Status, StringComparison.OrdinalIgnoreCase));

    public void Validate(ValidationErrors errors)
    {
        if (Status is not null && !Enum.GetNames<DroneStatus>().Any(n => n.Equals(Status, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("status", $"Must be one of {string.Join(", ", Enum.GetNames<DroneStatus>())}.");
        }

        errors.Range("limit", Limit, 1, MaxLimit);
        errors.Text("continuationToken", ContinuationToken, 1024);
    }
}
