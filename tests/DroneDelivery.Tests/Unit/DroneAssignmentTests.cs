using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Tests.Infrastructure;
using Orleans.TestingHost;

namespace DroneDelivery.Tests.Unit;

/// <summary>Grain logic on an in-memory cluster: fast, and no storage in the way of the race.</summary>
public sealed class DroneAssignmentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Of_many_deliveries_racing_for_one_drone_exactly_one_wins()
    {
        var drone = _cluster.Client.GetGrain<IDroneGrain>("racer");
        await drone.RegisterAsync(new DroneSpec("FD", 5, 15, 40, new Location(1, 1)));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            drone.TryAssignAsync(new Mission($"delivery-{i}", new Location(1, 1), new Location(1.1, 1), 1, At, At))));

        Assert.Single(results, won => won);
        var details = await drone.GetAsync();
        Assert.Equal(DroneStatus.Assigned, details.Status);
        Assert.Equal($"delivery-{Array.IndexOf(results, true)}", details.DeliveryId);
    }

    [Fact]
    public async Task A_drone_refuses_a_package_it_cannot_lift_and_accepts_the_same_mission_twice()
    {
        var drone = _cluster.Client.GetGrain<IDroneGrain>("lifter");
        await drone.RegisterAsync(new DroneSpec("FD", 2, 15, 40, new Location(1, 1)));
        var heavy = new Mission("heavy", new Location(1, 1), new Location(1.1, 1), 3, At, At);
        var light = new Mission("light", new Location(1, 1), new Location(1.1, 1), 1, At, At);

        Assert.False(await drone.TryAssignAsync(heavy));
        Assert.True(await drone.TryAssignAsync(light));
        Assert.True(await drone.TryAssignAsync(light));
        Assert.False(await drone.TryAssignAsync(light with { DeliveryId = "other" }));
    }
}
