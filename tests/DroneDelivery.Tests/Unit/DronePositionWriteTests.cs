using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Grains.Drones;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace DroneDelivery.Tests.Unit;

/// <summary>
/// A drone's position is written within its persist interval of a fix, and only then: the timer
/// behind it runs while a position waits and stops when none does.
/// </summary>
public sealed class DronePositionWriteTests : IAsyncLifetime
{
    private static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(1);
    private static readonly CountingGrainStorage Storage = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await InMemoryCluster.StartAsync(
            Storage, services => services.Configure<DroneFlightOptions>(flight => flight.PersistInterval = PersistInterval));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_drone_that_moves_rests_and_moves_again_has_each_move_written_once()
    {
        var drone = _cluster.Client.GetGrain<IDroneGrain>("rester");
        await drone.RegisterAsync(new DroneSpec("FD", 5, 15, 40, new Location(10, 10)));
        var grainId = drone.GetGrainId();
        var registered = Storage.WritesOf(grainId);
        var stream = _cluster.Client.GetStreamProvider(TelemetryStreams.ProviderName).GetStream<TelemetryBatch>(StreamId.Create(TelemetryStreams.Namespace, "rester"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);

        await stream.OnNextAsync(new TelemetryBatch("rester", [new TelemetrySample(start, 10.001, 10, 0, 0, 0, 99)]));
        await Eventually.Until(() => Task.FromResult(Storage.WritesOf(grainId)), n => n == registered + 1, TimeSpan.FromSeconds(20), "the first move's write");

        // The drone rests for several intervals: nothing new to write, and the timer stops.
        await Task.Delay(PersistInterval * 3);
        Assert.Equal(registered + 1, Storage.WritesOf(grainId));

        await stream.OnNextAsync(new TelemetryBatch("rester", [new TelemetrySample(start.AddSeconds(1), 10.002, 10, 0, 0, 0, 98)]));
        await Eventually.Until(() => Task.FromResult(Storage.WritesOf(grainId)), n => n == registered + 2, TimeSpan.FromSeconds(20), "the second move's write");
        Assert.Equal(98, (await drone.GetAsync()).BatteryPct);
    }
}
