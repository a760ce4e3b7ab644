namespace DroneDelivery.Tests.Infrastructure;

/// <summary>A position as the API writes it: <c>{ "lat": ..., "lon": ... }</c>.</summary>
internal sealed record GeoPoint(double Lat, double Lon)
{
    /// <summary>The point <paramref name="fraction"/> of the way from here to <paramref name="to"/> (straight in degrees; fine over a few km).</summary>
    public GeoPoint Toward(GeoPoint to, double fraction) =>
        new(Math.Round(Lat + ((to.Lat - Lat) * fraction), 7), Math.Round(Lon + ((to.Lon - Lon) * fraction), 7));

    /// <summary>Great-circle distance in km (haversine), computed here rather than borrowed from the code under test.</summary>
    public double KmTo(GeoPoint other)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(other.Lat - Lat) / 2), 2)
            + (Math.Cos(Rad(Lat)) * Math.Cos(Rad(other.Lat)) * Math.Pow(Math.Sin(Rad(other.Lon - Lon) / 2), 2));
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(h));
    }
}
