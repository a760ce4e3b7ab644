namespace DroneDelivery.Simulator.Flight;

/// <summary>
/// Spherical-Earth navigation: distance, initial bearing, points along a great circle and the
/// point reached on a bearing. The same sphere as the backend's trip planner, so the distances a
/// drone flies here are the distances the scheduler planned.
/// </summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusM = 6_371_008.8;

    /// <summary>Great-circle distance in metres (haversine), ignoring altitude.</summary>
    public static double DistanceM(GeoPoint from, GeoPoint to)
    {
        var lat1 = ToRadians(from.Lat);
        var lat2 = ToRadians(to.Lat);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(to.Lon - from.Lon);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Initial bearing from <paramref name="from"/> towards <paramref name="to"/>, in degrees clockwise from north, 0 to 360.</summary>
    public static double InitialBearingDeg(GeoPoint from, GeoPoint to)
    {
        var lat1 = ToRadians(from.Lat);
        var lat2 = ToRadians(to.Lat);
        var dLon = ToRadians(to.Lon - from.Lon);
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        return NormalizeDegrees(ToDegrees(Math.Atan2(y, x)));
    }

    /// <summary>
    /// The point a <paramref name="fraction"/> of the way along the great circle (0 is
    /// <paramref name="from"/>, 1 is <paramref name="to"/>). Altitude goes linearly.
    /// </summary>
    public static GeoPoint Interpolate(GeoPoint from, GeoPoint to, double fraction)
    {
        var alt = from.Alt + ((to.Alt - from.Alt) * fraction);
        var delta = DistanceM(from, to) / EarthRadiusM;
        var sinDelta = Math.Sin(delta);
        if (sinDelta < 1e-12)
        {
            // Same point (or antipodes, where no single great circle exists): nowhere to go.
            return new GeoPoint(from.Lat, from.Lon, alt);
        }

        var lat1 = ToRadians(from.Lat);
        var lon1 = ToRadians(from.Lon);
        var lat2 = ToRadians(to.Lat);
        var lon2 = ToRadians(to.Lon);
        var a = Math.Sin((1 - fraction) * delta) / sinDelta;
        var b = Math.Sin(fraction * delta) / sinDelta;
        var x = (a * Math.Cos(lat1) * Math.Cos(lon1)) + (b * Math.Cos(lat2) * Math.Cos(lon2));
        var y = (a * Math.Cos(lat1) * Math.Sin(lon1)) + (b * Math.Cos(lat2) * Math.Sin(lon2));
        var z = (a * Math.Sin(lat1)) + (b * Math.Sin(lat2));
        var lat = Math.Atan2(z, Math.Sqrt((x * x) + (y * y)));
        var lon = Math.Atan2(y, x);
        return new GeoPoint(ToDegrees(lat), ToDegrees(lon), alt);
    }

    /// <summary>The point <paramref name="distanceM"/> metres from <paramref name="start"/> on an initial bearing, at the start's altitude.</summary>
    public static GeoPoint Destination(GeoPoint start, double bearingDeg, double distanceM)
    {
        var delta = distanceM / EarthRadiusM;
        var theta = ToRadians(bearingDeg);
        var lat1 = ToRadians(start.Lat);
        var lon1 = ToRadians(start.Lon);
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(delta)) + (Math.Cos(lat1) * Math.Sin(delta) * Math.Cos(theta)));
        var lon2 = lon1 + Math.Atan2(
            Math.Sin(theta) * Math.Sin(delta) * Math.Cos(lat1),
            Math.Cos(delta) - (Math.Sin(lat1) * Math.Sin(lat2)));
        return new GeoPoint(ToDegrees(lat2), NormalizeLongitude(ToDegrees(lon2)), start.Alt);
    }

    private static double NormalizeDegrees(double degrees) => ((degrees % 360) + 360) % 360;

    private static double NormalizeLongitude(double degrees) => ((degrees + 540) % 360) - 180;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
