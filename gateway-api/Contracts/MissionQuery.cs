using DroneDelivery.GatewayApi.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The query of the mission long-poll; its names given so the Swagger document spells them as the contract does.</summary>
public sealed record MissionQuery([FromQuery(Name = "after")] long? After, [FromQuery(Name = "waitSeconds")] int? WaitSeconds) : IValidatable
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
