using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record DeliveryPackageResponse(string PackageId, PackageSize Size, double WeightKg, string? Tag);
