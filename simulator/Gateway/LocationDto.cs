using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Gateway;

/// <summary>A position on the wire: <c>{ lat, lon, alt }</c>, altitude optional.</summary>
public sealed record LocationDto(double Lat, double Lon, double? Alt = null)
{
    public GeoPoint ToGeoPoint() => new(Lat, Lon, Alt ?? 0);

    public static LocationDto From(GeoPoint point) => new(point.Lat, point.Lon, point.Alt);

    /// <summary>Latitude and longitude only, for requests that take no altitude.</summary>
    public static LocationDto Surface(GeoPoint point) => new(point.Lat, point.Lon);
}
