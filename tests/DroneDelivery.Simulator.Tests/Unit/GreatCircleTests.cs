using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class GreatCircleTests
{
    private static readonly GeoPoint Seattle = new(47.6062, -122.3321);
    private static readonly GeoPoint Portland = new(45.5152, -122.6784);
    private static readonly GeoPoint London = new(51.5, 0);
    private static readonly GeoPoint NewYork = new(40.7, -74);

    [Fact]
    public void Seattle_to_Portland_is_the_published_great_circle_distance()
    {
        Assert.InRange(GreatCircle.DistanceM(Seattle, Portland), 233_000, 234_600);
        Assert.Equal(0, GreatCircle.DistanceM(Seattle, Seattle));
    }

    [Fact]
    public void Interpolation_starts_and_ends_at_the_end_points()
    {
        var start = GreatCircle.Interpolate(Seattle, Portland, 0);
        var end = GreatCircle.Interpolate(Seattle, Portland, 1);
        Assert.True(GreatCircle.DistanceM(start, Seattle) < 1e-6);
        Assert.True(GreatCircle.DistanceM(end, Portland) < 1e-6);
    }

    [Fact]
    public void The_midpoint_is_halfway_and_on_the_great_circle_north_of_the_rhumb_line()
    {
        var whole = GreatCircle.DistanceM(London, NewYork);
        var mid = GreatCircle.Interpolate(London, NewYork, 0.5);

        Assert.Equal(whole / 2, GreatCircle.DistanceM(London, mid), precision: 3);
        Assert.Equal(whole / 2, GreatCircle.DistanceM(mid, NewYork), precision: 3);
        // A great circle between two northern points bows towards the pole: the midpoint lies
        // north of both, around 52.4 N 41.3 W, not at the average of the coordinates.
        Assert.InRange(mid.Lat, 52.2, 52.6);
        Assert.InRange(mid.Lon, -41.6, -41.0);
    }

    [Fact]
    public void A_quarter_of_the_way_along_a_meridian_is_a_quarter_of_the_latitude()
    {
        var point = GreatCircle.Interpolate(new GeoPoint(10, 20), new GeoPoint(30, 20), 0.25);
        Assert.Equal(15, point.Lat, precision: 9);
        Assert.Equal(20, point.Lon, precision: 9);
    }

    [Theory]
    [InlineData(0, 0, 1, 0, 0)]
    [InlineData(0, 0, 0, 1, 90)]
    [InlineData(0, 0, -1, 0, 180)]
    [InlineData(0, 0, 0, -1, 270)]
    [InlineData(47.6062, -122.3321, 45.5152, -122.6784, 186.62)]
    [InlineData(51.5, 0, 40.7, -74, 288.40)]
    public void Initial_bearing_is_degrees_clockwise_from_north(double lat1, double lon1, double lat2, double lon2, double expected)
    {
        Assert.Equal(expected, GreatCircle.InitialBearingDeg(new GeoPoint(lat1, lon1), new GeoPoint(lat2, lon2)), precision: 2);
    }

    [Fact]
    public void Destination_lands_the_given_distance_away_on_the_given_bearing()
    {
        var point = GreatCircle.Destination(Seattle, 135, 5000);
        Assert.Equal(5000, GreatCircle.DistanceM(Seattle, point), precision: 3);
        Assert.Equal(135, GreatCircle.InitialBearingDeg(Seattle, point), precision: 3);
    }
}
