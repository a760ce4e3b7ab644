using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>A business that requests deliveries. Keyed by business id.</summary>
[Alias("IBusinessGrain")]
public interface IBusinessGrain : IGrainWithStringKey
{
    /// <summary>Registers this business; fails with a conflict if it already exists.</summary>
    [Alias("Register")]
    Task<BusinessCreated> RegisterAsync(BusinessRegistration registration);

    /// <summary>
    /// Whether <paramref name="apiKeyHash"/> is the hash of a live key with id <paramref name="apiKeyId"/>.
    /// Compared in constant time; false for an unknown business.
    /// </summary>
    [Alias("VerifyApiKey"), ReadOnly]
    Task<bool> VerifyApiKeyAsync(string apiKeyId, byte[] apiKeyHash);

    [Alias("Get"), ReadOnly]
    Task<BusinessDetails> GetAsync();

    /// <summary>The business's webhook URL and signing secret; null when it has no webhook.</summary>
    [Alias("GetWebhook"), ReadOnly]
    Task<WebhookTarget?> GetWebhookAsync();

    /// <summary>The live keys' ids and ages.</summary>
    [Alias("ListApiKeys"), ReadOnly]
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync();

    /// <summary>
    /// Adds a key the gateway issued (only its hash arrives). A conflict once the business has
    /// <see cref="MaxApiKeys"/> live keys: revoke one first.
    /// </summary>
    [Alias("AddApiKey")]
    Task<ApiKeyInfo> AddApiKeyAsync(string apiKeyId, byte[] apiKeyHash);

    /// <summary>Revokes a key at once. Not found for an unknown id; a conflict for the last live key, which would lock the business out.</summary>
    [Alias("RevokeApiKey")]
    Task RevokeApiKeyAsync(string apiKeyId);

    /// <summary>Live keys a business may hold at once: enough to rotate without downtime.</summary>
    public const int MaxApiKeys = 5;
}
