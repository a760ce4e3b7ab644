using System.Security.Claims;

namespace DroneDelivery.GatewayApi.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The calling business; only reached behind the business policy, which guarantees the claim.</summary>
    public static string BusinessId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyDefaults.BusinessIdClaim)
        ?? throw new InvalidOperationException("The business policy must guard this endpoint.");
}
