namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A new API key, shown this once: only its hash is stored.</summary>
/// <param name="KeyId">The key's id, to revoke it later.</param>
/// <param name="ApiKey">The key, for the <c>X-Api-Key</c> header.</param>
/// <param name="CreatedAt">When it was issued.</param>
public sealed record ApiKeyCreatedResponse(string KeyId, string ApiKey, DateTimeOffset CreatedAt);
