namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("PackageDetails")]
public sealed record PackageDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] PackageSize Size,
    [property: Id(3)] double WeightKg,
    [property: Id(4)] string? Tag,
    [property: Id(5)] string DeliveryId);
