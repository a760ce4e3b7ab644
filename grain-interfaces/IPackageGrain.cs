using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>A package, owned by a business and carried by one delivery. Keyed by package id.</summary>
[Alias("IPackageGrain")]
public interface IPackageGrain : IGrainWithStringKey
{
    /// <summary>Registers the package for a delivery; idempotent for the same delivery, a conflict for another.</summary>
    [Alias("Register")]
    Task<PackageDetails> RegisterAsync(PackageRegistration registration);

    [Alias("Get"), ReadOnly]
    Task<PackageDetails> GetAsync(string ownerId);
}
