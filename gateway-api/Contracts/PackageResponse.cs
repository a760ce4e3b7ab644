using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record PackageResponse(string Id, string OwnerId, PackageSize Size, double WeightKg, string? Tag, string DeliveryId);
