using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A live API key: its id and when it was issued. The key itself is shown only when issued.</summary>
public sealed record ApiKeyResponse(string KeyId, DateTimeOffset CreatedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo key) => new(key.KeyId, key.CreatedAt);
}
