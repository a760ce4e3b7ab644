namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("PackageRegistration")]
public sealed record PackageRegistration(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string DeliveryId,
    [property: Id(2)] PackageSize Size,
    [property: Id(3)] double WeightKg,
    [property: Id(4)] string? Tag);
