using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The package to carry.</summary>
public sealed record PackageDto
{
    /// <summary>Your id for the package (optional; defaults to the delivery id).</summary>
    /// <example>pkg-1001</example>
    public string? PackageId { get; init; }

    /// <summary>Small, Medium or Large.</summary>
    /// <example>Small</example>
    public PackageSize? Size { get; init; }

    /// <summary>Weight in kilograms, greater than 0 and at most 100.</summary>
    /// <example>1.2</example>
    public double? WeightKg { get; init; }

    /// <summary>A free label (optional, at most 100 characters).</summary>
    /// <example>fragile</example>
    public string? Tag { get; init; }
}
