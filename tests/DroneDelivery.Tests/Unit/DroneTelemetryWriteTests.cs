using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Grains.Drones;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace DroneDelivery.Tests.Unit;

/// <summary>Telemetry is kept in memory: a drone writes its state on status changes and on its persist interval, never per fix.</summary>
public sealed class DroneTelemetryWriteTests : IAsyncLifetime
{
    private static readonly CountingGrainStorage Storage = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await InMemoryCluster.StartAsync(
            Storage, services => services.Configure<DroneFlightOptions>(flight => flight.PersistInterval = TimeSpan.FromHours(1)));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Sixty_fixes_of_a_drone_at_rest_write_nothing_and_one_that_changes_its_status_writes_once()
    {
        var home = new Location(10, 10);
        var drone = _cluster.Client.GetGrain<IDroneGrain>("counted");
        await drone.RegisterAsync(new DroneSpec("FD", 5, 15, 40, home));
        var grainId = drone.GetGrainId();
        var afterRegistration = Storage.WritesOf(grainId);

        var stream = _cluster.Client.GetStreamProvider(TelemetryStreams.ProviderName).GetStream<TelemetryBatch>(StreamId.Create(TelemetryStreams.Namespace, "counted"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        for (var i = 1; i <= 60; i++)
        {
            await stream.OnNextAsync(new TelemetryBatch("counted", [new TelemetrySample(start.AddSeconds(i), 10, 10, 0, 0, 0, 100 - (i * 0.1))]));
        }

        await Eventually.Until(async () => (await drone.GetAsync()).BatteryPct == 94, TimeSpan.FromSeconds(20), "the 60th fix");
        Assert.Equal(afterRegistration, Storage.WritesOf(grainId));

        await stream.OnNextAsync(new TelemetryBatch("counted", [new TelemetrySample(start.AddSeconds(61), 10, 10, 0, 0, 0, 94, DroneEvent.Fault)]));
        await Eventually.Until(async () => (await drone.GetAsync()).Status == DroneStatus.Maintenance, TimeSpan.FromSeconds(20), "the fault");
        Assert.Equal(afterRegistration + 1, Storage.WritesOf(grainId));
    }
}
