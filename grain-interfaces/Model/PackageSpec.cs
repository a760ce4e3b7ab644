namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>The package as the business describes it; <see cref="PackageId"/> is optional.</summary>
[GenerateSerializer, Immutable, Alias("PackageSpec")]
public sealed record PackageSpec(
    [property: Id(0)] string? PackageId,
    [property: Id(1)] PackageSize Size,
    [property: Id(2)] double WeightKg,
    [property: Id(3)] string? Tag);
