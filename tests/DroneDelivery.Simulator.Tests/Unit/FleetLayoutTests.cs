using DroneDelivery.Simulator.Fleet;
using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class FleetLayoutTests
{
    private static readonly GeoPoint Seattle = new(47.6062, -122.3321);

    [Fact]
    public void Drones_are_named_by_prefix_and_three_digit_number()
    {
        var fleet = FleetLayout.Place(3, "sim", Seattle, 6);
        Assert.Equal(["sim-001", "sim-002", "sim-003"], fleet.Select(d => d.Id));
        Assert.Equal("sim-1234", FleetLayout.DroneId("sim", 1234));
    }

    [Fact]
    public void Home_bases_are_the_same_on_every_run_and_do_not_depend_on_the_fleet_size()
    {
        var small = FleetLayout.Place(5, "sim", Seattle, 6);
        var large = FleetLayout.Place(20, "sim", Seattle, 6);
        Assert.Equal(small, large.Take(5));
        Assert.Equal(large, FleetLayout.Place(20, "sim", Seattle, 6));
    }

    [Fact]
    public void Home_bases_are_spread_within_the_radius()
    {
        var fleet = FleetLayout.Place(200, "sim", Seattle, 6);
        var distances = fleet.Select(d => GreatCircle.DistanceM(Seattle, d.Home)).ToList();

        Assert.All(distances, d => Assert.InRange(d, 0, 6000.001));
        Assert.Equal(200, fleet.Select(d => d.Home).Distinct().Count());
        // Spread evenly over the disc, about a quarter lie within half the radius.
        Assert.InRange(distances.Count(d => d < 3000), 25, 80);
    }
}
