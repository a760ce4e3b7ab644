using System.Security.Cryptography;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Business;

[GrainType("business")]
public sealed class BusinessGrain(
    [PersistentState("business")] IPersistentState<BusinessState> state,
    TimeProvider time) : Grain, IBusinessGrain
{
    public async Task<BusinessCreated> RegisterAsync(BusinessRegistration registration)
    {
        if (state.RecordExists)
        {
            throw DomainException.Conflict("This business is already registered.");
        }

        var now = time.GetUtcNow();
        state.State = new BusinessState
        {
            Name = registration.Name,
            WebhookUrl = registration.WebhookUrl,
            // The secret signs webhooks, so it is stored as is; it exists only when there is a webhook.
            WebhookSecret = registration.WebhookUrl is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = now,
            ApiKeys = [new ApiKeyRecord(registration.ApiKeyId, registration.ApiKeyHash, now)],
        };
        await state.WriteOrDeactivateAsync(this);
        return new BusinessCreated(Details(), state.State.WebhookSecret);
    }

    public async Task<bool> VerifyApiKeyAsync(string apiKeyId, byte[] apiKeyHash)
    {
        var key = await state.RecordExistsAsync() ? state.State.ApiKeys.Find(k => k.KeyId == apiKeyId) : null;
        return key is not null && CryptographicOperations.FixedTimeEquals(key.Hash, apiKeyHash);
    }

    public async Task<BusinessDetails> GetAsync()
    {
        await EnsureExistsAsync();
        return Details();
    }

    public async Task<WebhookTarget?> GetWebhookAsync() =>
        await state.RecordExistsAsync() && state.State is { WebhookUrl: { } url, WebhookSecret: { } secret } ? new WebhookTarget(url, secret) : null;

    public async Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync()
    {
        await EnsureExistsAsync();
        return [.. state.State.ApiKeys.Select(k => new ApiKeyInfo(k.KeyId, k.CreatedAt))];
    }

    public async Task<ApiKeyInfo> AddApiKeyAsync(string apiKeyId, byte[] apiKeyHash)
    {
        await EnsureExistsAsync();
        if (state.State.ApiKeys.Count >= IBusinessGrain.MaxApiKeys)
        {
            throw DomainException.Conflict($"A business holds at most {IBusinessGrain.MaxApiKeys} live keys; revoke one first.");
        }

        var key = new ApiKeyRecord(apiKeyId, apiKeyHash, time.GetUtcNow());
        state.State.ApiKeys.Add(key);
        await state.WriteOrDeactivateAsync(this);
        return new ApiKeyInfo(key.KeyId, key.CreatedAt);
    }

    public async Task RevokeApiKeyAsync(string apiKeyId)
    {
        await EnsureExistsAsync();
        var key = state.State.ApiKeys.Find(k => k.KeyId == apiKeyId) ?? throw DomainException.NotFound("The key");
        if (state.State.ApiKeys.Count == 1)
        {
            throw DomainException.Conflict("This is the business's only key; issue another before revoking it.");
        }

        state.State.ApiKeys.Remove(key);
        await state.WriteOrDeactivateAsync(this);
    }

    private async ValueTask EnsureExistsAsync()
    {
        if (!await state.RecordExistsAsync())
        {
            throw DomainException.NotFound("The business");
        }
    }

    private BusinessDetails Details() =>
        new(this.GetPrimaryKeyString(), state.State.Name, state.State.WebhookUrl, state.State.CreatedAt);
}
