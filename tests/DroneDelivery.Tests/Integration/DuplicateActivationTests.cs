using System.Net;
using System.Net.Http.Json;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Business;
using DroneDelivery.Grains.Deliveries;
using DroneDelivery.Grains.Packages;
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
        var (drone, id, package) = (Api.NewId("drone"), Api.NewId("dlv"), Api.NewId("pkg"));
        await Api.RegisterDroneAsync(ops, drone, area.At(0, 0));

        // The other activation got the same drone for the same request and stored it first.
        var rivalToken = Api.NewId("rival");
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
        var (id, model) = (Api.NewId("dlv"), Api.NewId("dlv"));

        // This activation reads first, finds nothing, and lives on.
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative))).StatusCode);

        // The other activation's row: a delivery of this business as a request really stores it.
        await Api.RequestDeliveryAsync(business, Request(area, model));
        var row = await StoreCopyAsync<DeliveryState>("delivery", model, id);

        var delivery = await Api.GetAsync(business, $"/api/deliveries/{id}");
        Assert.Equal(id, delivery["id"]!.GetValue<string>());
        Assert.Equal("AwaitingDrone", Api.Stage(delivery));
        Assert.EndsWith($"?t={row.TrackingToken}", delivery["trackingUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AwaitingDrone", (await Api.GetAsync(business, $"/api/deliveries/{id}/status"))["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_package_and_a_business_found_missing_by_an_activation_before_they_were_stored_are_found_afterwards()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (package, model) = (Api.NewId("pkg"), Api.NewId("pkg"));
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/packages/{package}", UriKind.Relative))).StatusCode);
        var delivery = await Api.RequestDeliveryAsync(business, Request(area, Api.NewId("dlv"), model));
        await StoreCopyAsync<PackageState>("package", model, package);
        Assert.Equal(delivery["deliveryId"]!.GetValue<string>(), (await Api.GetAsync(business, $"/api/packages/{package}"))["deliveryId"]!.GetValue<string>());

        // No endpoint reads a business by any id but its own key's, so the business grain is asked directly.
        var (registered, _) = await Api.RegisterBusinessAsync(_cluster, "Copied business");
        var copy = _cluster.Grains.GetGrain<IBusinessGrain>(Api.NewId("biz"));
        var missing = await Assert.ThrowsAsync<DomainException>(copy.GetAsync);
        Assert.Equal(DomainErrorKind.NotFound, missing.Kind);
        await StoreCopyAsync<BusinessState>("business", registered, copy.GetPrimaryKeyString());
        Assert.Equal("Copied business", (await copy.GetAsync()).Name);
    }

    /// <summary>Writes the row of grain <paramref name="from"/> as grain <paramref name="to"/>'s, new, as its first write would.</summary>
    private async Task<T> StoreCopyAsync<T>(string grainType, string from, string to)
        where T : class, new()
    {
        var storage = _cluster.SiloServices.First().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var row = new GrainState<T>(new T());
        await storage.ReadStateAsync(grainType, GrainId.Create(grainType, from), row);
        Assert.True(row.RecordExists);
        await storage.WriteStateAsync(grainType, GrainId.Create(grainType, to), new GrainState<T>(row.State));
        return row.State!;
    }

    private static object Request(TestArea area, string deliveryId, string? packageId = null) =>
        Api.Delivery(area.At(1, 0), area.At(3, 0), deliveryId: deliveryId, packageId: packageId);
}
