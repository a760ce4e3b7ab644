namespace DroneDelivery.Simulator.Gateway;

/// <summary>The package of a delivery request; its size is <c>Small</c>, <c>Medium</c> or <c>Large</c>.</summary>
public sealed record PackageDto(string Size, double WeightKg);
