using DroneDelivery.GatewayApi.Validation;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The query of the mission long-poll.</summary>
public sealed record MissionQuery(long? After, int? WaitSeconds) : IValidatable
{
    public const int MaxWaitSeconds = 20;

    public void Validate(ValidationErrors errors)
    {
        if (After < 0)
        {
            errors.Add("after", "Must be a version this API returned.");
        }

        errors.Range("waitSeconds", WaitSeconds, 0, MaxWaitSeconds);
    }
}
