using System.Net;
using System.Net.Http.Json;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Deliveries;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// Two activations of one delivery, as Orleans runs them for a while after a silo dies: the
/// activations whose directory entries the dead silo kept are deactivated, one busy with a request
/// finishes it, and a new activation takes the calls that come meanwhile. Whichever stores the
/// delivery first, a 202 is never denied afterwards, and the activation whose write loses lets go
/// only of what the stored delivery does not use. The other activation's part is played on the
/// silo's real storage (Azurite): its row is written there, and the grain's own write meets it.
/// </summary>
public sealed class DuplicateActivationTests : IAsyncLifetime
{
    private readonly StorageFaults _faults = new();
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, _faults.InstallOn);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_request_whose_write_loses_to_another_activation_is_answered_with_what_that_one_stored_and_its_package_and_drone_stay_with_it()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (drone, id, package) = (NewId("drone"), NewId("dlv"), NewId("pkg"));
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));

        // The other activation got the same drone for the same request and stored it first.
        var rivalToken = NewId("rival");
        var copier = _cluster.SiloServices.First().GetRequiredService<DeepCopier>();
        _faults.StoreRivalBeforeNextWrite<DeliveryState>("delivery", d => d.Stage == DeliveryStage.Scheduled, d =>
        {
            var rival = copier.Copy(d);
            rival.TrackingToken = rivalToken;
            return rival;
        });

        var accepted = await Api.RequestDeliveryAsync(business, Request(area, id, package));
        Assert.Equal(0, _faults.Pending);
        Assert.Equal(rivalToken, accepted["trackingToken"]!.GetValue<string>());
        Assert.Equal("Scheduled", Api.Stage(accepted));
        Assert.Equal(drone, accepted["droneId"]!.GetValue<string>());

        var stored = await Api.GetAsync(business, $"/api/deliveries/{id}");
        Assert.EndsWith($"?t={rivalToken}", stored["trackingUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(drone, stored["droneId"]!.GetValue<string>());
        Assert.Equal(id, (await Api.GetAsync(ops, $"/api/drones/{drone}"))["deliveryId"]?.GetValue<string>());
        Assert.Equal(id, (await Api.GetAsync(business, $"/api/packages/{package}"))["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_activation_that_found_no_delivery_before_another_stored_it_answers_with_the_stored_delivery_not_404()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (id, model) = (NewId("dlv"), NewId("dlv"));

        // This activation reads first, finds nothing, and lives on.
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative))).StatusCode);

        // The other activation's row: a delivery of this business as a request really stores it.
        await Api.RequestDeliveryAsync(business, Request(area, model));
        var storage = _cluster.SiloServices.First().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var row = new GrainState<DeliveryState>(new DeliveryState());
        await storage.ReadStateAsync("delivery", GrainId.Create("delivery", model), row);
        Assert.True(row.RecordExists);
        await storage.WriteStateAsync("delivery", GrainId.Create("delivery", id), new GrainState<DeliveryState>(row.State));

        var delivery = await Api.GetAsync(business, $"/api/deliveries/{id}");
        Assert.Equal(id, delivery["id"]!.GetValue<string>());
        Assert.Equal("AwaitingDrone", Api.Stage(delivery));
        Assert.EndsWith($"?t={row.State!.TrackingToken}", delivery["trackingUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AwaitingDrone", (await Api.GetAsync(business, $"/api/deliveries/{id}/status"))["stage"]!.GetValue<string>());
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static object Request(TestArea area, string deliveryId, string? packageId = null) => new
    {
        deliveryId,
        pickup = area.At(1, 0),
        dropoff = area.At(3, 0),
        package = new { packageId, size = "Small", weightKg = 1 },
    };
}
