using Microsoft.Extensions.Caching.Memory;

namespace DroneDelivery.GatewayApi.Auth;

/// <summary>
/// Keys revoked through this gateway, remembered as long as a verified key is cached
/// (<see cref="ApiKeyAuthenticationHandler.VerifiedKeyLifetime"/>): here a revoked key stops
/// working at once; on other gateways within that lifetime, when their cached verdict expires.
/// </summary>
public sealed class RevokedKeys(IMemoryCache cache)
{
    public void Revoke(string businessId, string keyId) =>
        cache.Set(CacheKey(businessId, keyId), true, ApiKeyAuthenticationHandler.VerifiedKeyLifetime);

    public bool IsRevoked(string businessId, string keyId) => cache.TryGetValue(CacheKey(businessId, keyId), out _);

    private static string CacheKey(string businessId, string keyId) => $"revoked:{businessId}:{keyId}";
}
