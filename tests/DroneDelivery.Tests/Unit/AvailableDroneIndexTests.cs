using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Scheduling;

namespace DroneDelivery.Tests.Unit;

/// <summary>The scheduler's index must choose exactly as the ranking rule does, only cheaper.</summary>
public sealed class AvailableDroneIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(47.1, -121.9)]   // a cell of the bench
    [InlineData(0.01, 0.01)]     // the equator and the prime meridian
    [InlineData(-33.9, 151.2)]   // the southern hemisphere
    [InlineData(69.6, 179.98)]   // far north, across the antimeridian
    public void Taking_the_best_drone_again_and_again_gives_the_ranking_order(double lat, double lon)
    {
        var random = new Random(7);
        var fleet = Fleet(random, lat, lon, count: 600);
        var index = new AvailableDroneIndex();
        foreach (var drone in fleet)
        {
            index.Set(drone);
        }

        for (var r = 0; r < 5; r++)
        {
            var request = new ScheduleRequest($"delivery-{r}", Near(random, lat, lon, 4), Near(random, lat, lon, 4), random.Next(0, 6), null);
            var ranked = DroneRanking.Rank(fleet, request, Now, TimeSpan.Zero).Select(c => c.Drone.DroneId).ToList();

            // What the scheduler does when drones refuse: take the best, drop it, ask again.
            var taken = new List<string>();
            while (index.FindBest(request, Now, TimeSpan.Zero) is { } best)
            {
                taken.Add(best.Drone.DroneId);
                index.Remove(best.Drone.DroneId);
            }

            Assert.NotEmpty(ranked);
            Assert.Equal(ranked, taken);
            foreach (var drone in fleet)
            {
                index.Set(drone);
            }
        }
    }

    [Fact]
    public void A_drone_that_is_busy_or_moved_is_chosen_by_what_it_last_reported()
    {
        var request = TripPlannerTests.Request();
        var index = new AvailableDroneIndex();
        index.Set(TripPlannerTests.Drone(rangeKm: 100, id: "near", at: new Location(0.08, 0)));
        index.Set(TripPlannerTests.Drone(rangeKm: 100, id: "far", at: new Location(0.02, 0)));
        Assert.Equal("near", index.FindBest(request, Now, TimeSpan.Zero)!.Drone.DroneId);

        index.Set(TripPlannerTests.Drone(rangeKm: 100, id: "near", at: new Location(0.08, 0), available: false));
        Assert.Equal("far", index.FindBest(request, Now, TimeSpan.Zero)!.Drone.DroneId);

        index.Set(TripPlannerTests.Drone(rangeKm: 100, id: "near", at: new Location(0.01, 0)));
        index.Set(TripPlannerTests.Drone(rangeKm: 100, id: "far", at: new Location(0.089, 0)));
        Assert.Equal("far", index.FindBest(request, Now, TimeSpan.Zero)!.Drone.DroneId);
        Assert.Equal(2, index.Count);
    }

    /// <summary>Drones at a few shared bases (so many tie on distance) and scattered, of mixed payload, range, battery and availability.</summary>
    private static List<DroneAvailability> Fleet(Random random, double lat, double lon, int count)
    {
        var bases = Enumerable.Range(0, 6).Select(_ => Near(random, lat, lon, 5)).ToArray();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var home = bases[i % bases.Length];
            var at = i % 3 == 0 ? Near(random, lat, lon, 8) : home;
            var spec = new DroneSpec("FD", random.Next(1, 6), 15, random.Next(10, 60), home);
            return new DroneAvailability($"drone-{i:D4}", spec, at, random.Next(20, 101), random.Next(0, 5) > 0, 1);
        })];
    }

    private static Location Near(Random random, double lat, double lon, double radiusKm)
    {
        var north = ((random.NextDouble() * 2) - 1) * radiusKm / 111.2;
        var east = ((random.NextDouble() * 2) - 1) * radiusKm / (111.2 * Math.Cos(lat * Math.PI / 180));
        var wrapped = lon + east;
        wrapped = wrapped > 180 ? wrapped - 360 : wrapped < -180 ? wrapped + 360 : wrapped;
        return new Location(lat + north, wrapped);
    }
}
