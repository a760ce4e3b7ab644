namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A WGS84 position: latitude and longitude in degrees, altitude in metres.</summary>
[GenerateSerializer, Immutable, Alias("Location")]
public sealed record Location(
    [property: Id(0)] double Lat,
    [property: Id(1)] double Lon,
    [property: Id(2)] double Alt = 0);
