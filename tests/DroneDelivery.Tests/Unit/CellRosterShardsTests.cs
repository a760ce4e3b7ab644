using DroneDelivery.Grains.Fleet;

namespace DroneDelivery.Tests.Unit;

public sealed class CellRosterShardsTests
{
    /// <summary>Stored rosters are found by these numbers: a changed hash or count would lose drones after an upgrade.</summary>
    [Theory]
    [InlineData("drone-1", 31)]
    [InlineData("scale100000-00042", 27)]
    [InlineData("", 5)]
    public void A_drone_always_lands_in_the_same_slice(string droneId, int slice)
    {
        Assert.Equal(32, CellRosterShards.Count);
        Assert.Equal(slice, CellRosterShards.Of(droneId));
    }

    [Fact]
    public void Drones_spread_over_all_slices()
    {
        var counts = Enumerable.Range(0, 32_000).GroupBy(i => CellRosterShards.Of($"drone-{i}")).Select(g => g.Count()).ToList();

        Assert.Equal(CellRosterShards.Count, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }
}
