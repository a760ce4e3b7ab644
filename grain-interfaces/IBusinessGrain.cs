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
}
