using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;

namespace DroneDelivery.Tests.Unit;

public sealed class GeoMathTests
{
    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.Equal(111.2, GeoMath.DistanceKm(new Location(10, 20), new Location(11, 20)), precision: 1);
    }

    [Fact]
    public void Seattle_to_Portland_is_the_published_great_circle_distance()
    {
        // Seattle (47.6062, -122.3321) to Portland (45.5152, -122.6784): 233.8 km on a spherical Earth.
        var km = GeoMath.DistanceKm(new Location(47.6062, -122.3321), new Location(45.5152, -122.6784));
        Assert.InRange(km, 233.0, 234.6);
    }

    [Fact]
    public void Distance_is_symmetric_zero_to_itself_and_crosses_the_antimeridian_the_short_way()
    {
        var a = new Location(10, 179.9);
        var b = new Location(10, -179.9);
        Assert.Equal(GeoMath.DistanceKm(a, b), GeoMath.DistanceKm(b, a), precision: 9);
        Assert.Equal(0, GeoMath.DistanceKm(a, a));
        Assert.InRange(GeoMath.DistanceKm(a, b), 21, 22.5);
    }

    [Theory]
    [InlineData(90, 180, true)]
    [InlineData(-90, -180, true)]
    [InlineData(90.0001, 0, false)]
    [InlineData(0, -180.0001, false)]
    [InlineData(double.NaN, 0, false)]
    [InlineData(0, double.PositiveInfinity, false)]
    public void Validity_follows_the_WGS84_ranges(double lat, double lon, bool valid)
    {
        Assert.Equal(valid, GeoMath.IsValid(new Location(lat, lon)));
    }
}
