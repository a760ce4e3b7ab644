using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A WGS84 position.</summary>
public sealed record LocationDto
{
    /// <summary>Latitude in degrees, -90 to 90.</summary>
    /// <example>47.6097</example>
    public double? Lat { get; init; }

    /// <summary>Longitude in degrees, -180 to 180.</summary>
    /// <example>-122.3331</example>
    public double? Lon { get; init; }

    /// <summary>Altitude in metres (optional).</summary>
    /// <example>0</example>
    public double? Alt { get; init; }

    public Location ToModel() => new(Lat!.Value, Lon!.Value, Alt ?? 0);

    public static LocationDto? From(Location? location) =>
        location is null ? null : new LocationDto { Lat = location.Lat, Lon = location.Lon, Alt = location.Alt };
}
