using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The query of <c>GET /api/drones</c>.</summary>
public sealed record DroneListQuery(string? Status, int? Limit, string? ContinuationToken) : IValidatable
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
