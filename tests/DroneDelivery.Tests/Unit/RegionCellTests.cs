using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;

namespace DroneDelivery.Tests.Unit;

public sealed class RegionCellTests
{
    [Fact]
    public void Nearby_points_share_a_cell_and_its_key()
    {
        var a = RegionCell.Of(new Location(47.61, -122.33));
        var b = RegionCell.Of(new Location(47.70, -122.26));
        Assert.Equal(a, b);
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a, RegionCell.Of(new Location(47.76, -122.33)));
    }

    [Fact]
    public void The_search_starts_in_the_pickup_cell_then_visits_each_of_the_eight_neighbours_once_nearest_first()
    {
        var pickup = new Location(47.74, -122.26); // near the north-east corner of its cell
        var home = RegionCell.Of(pickup);
        var order = home.SearchOrder(pickup, rings: 1).ToList();

        Assert.Equal(home, order[0]);
        Assert.Equal(9, order.Distinct().Count());
        Assert.All(order.Skip(1), c => Assert.True(Math.Abs(c.LatIndex - home.LatIndex) <= 1 && Math.Abs(c.LonIndex - home.LonIndex) <= 1));
        Assert.Contains(order[1], new[] { new RegionCell(home.LatIndex + 1, home.LonIndex), new RegionCell(home.LatIndex, home.LonIndex + 1) });
        Assert.Equal(new RegionCell(home.LatIndex - 1, home.LonIndex - 1), order[^1]);
    }

    [Fact]
    public void Two_rings_cover_the_five_by_five_block()
    {
        var pickup = new Location(0.1, 0.1);
        Assert.Equal(25, RegionCell.Of(pickup).SearchOrder(pickup, rings: 2).Distinct().Count());
    }

    [Fact]
    public void Longitude_wraps_at_the_antimeridian_and_latitude_stops_at_the_pole()
    {
        var east = new Location(0.1, 179.9);
        var neighbours = RegionCell.Of(east).SearchOrder(east, rings: 1).ToList();
        Assert.Contains(RegionCell.Of(new Location(0.1, -179.9)), neighbours);

        var pole = new Location(90, 10);
        var polar = RegionCell.Of(pole).SearchOrder(pole, rings: 1).ToList();
        Assert.Equal(6, polar.Count);
        Assert.All(polar, c => Assert.True(c.LatIndex < 720));
    }
}
