using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Geo;

/// <summary>Great-circle geometry on a spherical Earth, good to about 0.5% for trip planning.</summary>
public static class GeoMath
{
    /// <summary>Mean Earth radius (IUGG), in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance between two positions in kilometres (haversine), ignoring altitude.</summary>
    public static double DistanceKm(Location from, Location to)
    {
        var lat1 = ToRadians(from.Lat);
        var lat2 = ToRadians(to.Lat);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(to.Lon - from.Lon);
        var sinHalfLat = Math.Sin(dLat / 2);
        var sinHalfLon = Math.Sin(dLon / 2);
        var h = (sinHalfLat * sinHalfLat) + (Math.Cos(lat1) * Math.Cos(lat2) * sinHalfLon * sinHalfLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Whether a position is a real WGS84 coordinate.</summary>
    public static bool IsValid(Location location) =>
        double.IsFinite(location.Lat) && double.IsFinite(location.Lon) && double.IsFinite(location.Alt)
        && location.Lat is >= -90 and <= 90
        && location.Lon is >= -180 and <= 180;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
