namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Alias("PackageSize")]
public enum PackageSize
{
    Small,
    Medium,
    Large,
}
