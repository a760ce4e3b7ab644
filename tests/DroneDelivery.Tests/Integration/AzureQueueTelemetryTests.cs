using Azure;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;

namespace DroneDelivery.Tests.Integration;

/// <summary>The same telemetry path with Azure Queue streams on Azurite in place of memory streams.</summary>
public sealed class AzureQueueTelemetryTests : IAsyncLifetime
{
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: true, "--DroneDelivery:Telemetry:Provider=AzureQueue", "--DroneDelivery:Telemetry:Partitions=2");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Fixes_posted_to_the_gateway_reach_the_drone_and_its_delivery_through_Azure_queues()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, "queue-drone", area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0)));
        var id = accepted["deliveryId"]!.GetValue<string>();

        var pilot = new DronePilot(ops, "queue-drone");
        await pilot.ReportAsync(area.At(1, 0), batteryPct: 91);

        var status = await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"),
            s => Api.Stage(s) == "HeadedToPickup",
            TimeSpan.FromSeconds(30),
            "the delivery to follow the drone");
        Assert.Equal(area.At(1, 0).Lat, status["lastKnownLocation"]!["lat"]!.GetValue<double>());
        Assert.Equal("HeadedToPickup", await pilot.StatusAsync());
    }

    [Fact]
    public async Task A_queued_item_of_the_version_before_batches_is_passed_over_and_the_drone_takes_in_the_fixes_after_it()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, "queue-upgraded", area.At(0, 0));
        var pilot = new DronePilot(ops, "queue-upgraded");
        await pilot.ReportAsync(area.At(1, 0), batteryPct: 90);

        // What a gateway of the version before left in the queue: a fix as an event of its own.
        // It is newer than the next fix below, so had the drone taken it in, it would ignore that one.
        var client = _cluster.SiloServices.First().GetRequiredService<IClusterClient>();
        var stream = client.GetStreamProvider(TelemetryStreams.ProviderName)
            .GetStream<TelemetryFix>(StreamId.Create(TelemetryStreams.Namespace, "queue-upgraded"));
        await stream.OnNextAsync(new TelemetryFix("queue-upgraded", DateTimeOffset.UtcNow.AddSeconds(30), area.At(3, 0).Lat, area.At(3, 0).Lon, 100, 15, 0, 12));

        await pilot.ReportAsync(area.At(2, 0), batteryPct: 88);
        Assert.Equal(88, (await pilot.DroneAsync())["batteryPct"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_drones_stream_leaves_no_subscription_row_in_storage_since_its_consumers_subscribe_implicitly()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, "queue-implicit", area.At(0, 0));
        var pilot = new DronePilot(ops, "queue-implicit");
        await pilot.ReportAsync(area.At(1, 0), batteryPct: 87);
        await Eventually.Until(pilot.DroneAsync, d => d["batteryPct"]!.GetValue<double>() == 87, TimeSpan.FromSeconds(30), "the drone to take in its fix");

        var silo = _cluster.SiloServices.First();
        var table = silo.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME).TableName;
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in new TableServiceClient(_cluster.Storage.ConnectionString).GetTableClient(table).QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table: nothing was ever stored there.
        }

        Assert.Empty(rows.Select(r => r.PartitionKey));
    }
}
