using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.ServiceDefaults.Operator;

/// <summary>Operator access. Section <c>DroneDelivery:Operator</c>, read by the gateway (API keys) and by silos (the dashboard).</summary>
public sealed class OperatorOptions : IValidatableObject
{
    public const string SectionName = "DroneDelivery:Operator";

    /// <summary>
    /// Keys that open the operator endpoints (fleet, drones) and the silos' dashboard, at least 16 characters each.
    /// Default: none, so operator endpoints and the dashboard answer 401 until one is configured.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Keys the operator issues to drones: they open the drone channel (missions, telemetry,
    /// confirmations) and nothing else. Default: none (operator keys open the channel too).
    /// </summary>
    public List<string> DroneApiKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKeys.Any(k => k.Length < 16))
        {
            yield return new ValidationResult("Every DroneDelivery:Operator:ApiKeys entry must be at least 16 characters.", [nameof(ApiKeys)]);
        }

        if (DroneApiKeys.Any(k => k.Length < 16))
        {
            yield return new ValidationResult("Every DroneDelivery:Operator:DroneApiKeys entry must be at least 16 characters.", [nameof(DroneApiKeys)]);
        }
    }
}
