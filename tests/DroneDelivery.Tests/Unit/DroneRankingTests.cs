using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Scheduling;

namespace DroneDelivery.Tests.Unit;

public sealed class DroneRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_nearest_capable_drone_comes_first_and_incapable_or_busy_ones_not_at_all()
    {
        var drones = new[]
        {
            TripPlannerTests.Drone(rangeKm: 100, id: "far", at: new Location(0.05, 0)),
            TripPlannerTests.Drone(rangeKm: 100, id: "near", at: new Location(0.08, 0)),
            TripPlannerTests.Drone(rangeKm: 100, id: "weak", at: new Location(0.09, 0), maxPayloadKg: 0.5),
            TripPlannerTests.Drone(rangeKm: 20, id: "short", at: new Location(0.089, 0)),
            TripPlannerTests.Drone(rangeKm: 100, id: "busy", at: new Location(0.09, 0), available: false),
        };

        var ranked = DroneRanking.Rank(drones, TripPlannerTests.Request(weightKg: 1), Now, TimeSpan.Zero).Select(c => c.Drone.DroneId);

        Assert.Equal(["near", "far"], ranked);
    }

    [Fact]
    public void Equally_near_drones_are_ranked_by_id_so_the_choice_is_deterministic()
    {
        var at = new Location(0.05, 0);
        var drones = new[] { "c", "a", "b" }.Select(id => TripPlannerTests.Drone(rangeKm: 100, id: id, at: at));

        var ranked = DroneRanking.Rank(drones, TripPlannerTests.Request(), Now, TimeSpan.Zero).Select(c => c.Drone.DroneId);

        Assert.Equal(["a", "b", "c"], ranked);
    }
}
