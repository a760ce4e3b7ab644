using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Packages;

[GenerateSerializer, Alias("PackageState")]
public sealed class PackageState
{
    [Id(0)] public string OwnerId { get; set; } = "";
    [Id(1)] public string DeliveryId { get; set; } = "";
    [Id(2)] public PackageSize Size { get; set; }
    [Id(3)] public double WeightKg { get; set; }
    [Id(4)] public string? Tag { get; set; }
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
}
