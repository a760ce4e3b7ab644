using DroneDelivery.Grains.Drones;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Providers;
using Orleans.Storage;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// A write storage applied but whose answer was lost: the storage client sends it again, and the
/// repeat finds the row changed, so the grain sees a conflict and still holds the ETag from before
/// its own write (seen on an overloaded Azurite, where requests pass the client's 10 s timeout).
/// Every later write with that ETag would fail. The drone's position timer lets the conflict
/// escape, and Orleans deactivates an activation a conflict escapes from, so the next call
/// reloads the row; a timer that caught it would leave the drone unable to store anything.
/// </summary>
public sealed class LostWriteAnswerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StorageFaults _faults = new();
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(
            silos: 1, withQueues: false, _faults.InstallOn, $"--DroneDelivery:Drones:PersistInterval={TimeSpan.FromSeconds(1)}");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_a_position_write_stored_but_answered_as_a_conflict_the_drones_later_positions_are_stored_and_it_takes_its_next_delivery()
    {
        var area = TestArea.Next();
        var droneId = $"lost-answer-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));

        var moved = area.At(0.01, 0);
        _faults.LoseNextWriteAnswer<DroneState>("drone", d => d.Position?.Lat == moved.Lat);
        var pilot = new DronePilot(ops, droneId);
        await pilot.ReportAsync(moved, batteryPct: 90);
        await Eventually.Until(() => Task.FromResult(_faults.Pending), n => n == 0, Patience, "the drone's position write");

        // Written within a second or so, as long as the drone does not keep writing with the ETag from before.
        var later = area.At(0.02, 0);
        await pilot.ReportAsync(later, batteryPct: 89);
        var stored = await Eventually.Until(StoredDroneAsync(droneId), d => d?.Position?.Lat == later.Lat, Patience, "the later position to be stored");
        Assert.Equal(89, stored!.BatteryPct);

        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal("Scheduled", Api.Stage(accepted));
        Assert.Equal(droneId, accepted["droneId"]!.GetValue<string>());
        Assert.Equal(accepted["deliveryId"]!.GetValue<string>(), (await Api.GetAsync(ops, $"/api/drones/{droneId}"))["deliveryId"]!.GetValue<string>());
    }

    /// <summary>The drone's row as storage holds it, read through the silo's own grain storage.</summary>
    private Func<Task<DroneState?>> StoredDroneAsync(string droneId) => async () =>
    {
        var storage = _cluster.SiloServices.First().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var row = new GrainState<DroneState>(new DroneState());
        await storage.ReadStateAsync("drone", GrainId.Create("drone", droneId), row);
        return row.RecordExists ? row.State : null;
    };
}
