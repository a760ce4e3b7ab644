using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>A package, owned by a business and carried by one delivery. Keyed by package id.</summary>
[Alias("IPackageGrain")]
public interface IPackageGrain : IGrainWithStringKey
{
    /// <summary>Registers the package for a delivery; idempotent for the same delivery, a conflict for another.</summary>
    [Alias("Register")]
    Task<PackageDetails> RegisterAsync(PackageRegistration registration);

    /// <summary>
    /// Undoes the registration made for <paramref name="deliveryId"/>, if the package is still
    /// that delivery's: the compensation of a delivery that could not be stored. Otherwise nothing.
    /// </summary>
    [Alias("Withdraw")]
    Task WithdrawAsync(string deliveryId);

    [Alias("Get"), ReadOnly]
    Task<PackageDetails> GetAsync(string ownerId);
}
