using System.Net;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>A cluster of its own, restarted while a business's receiver is down: its webhooks wait in storage, not in memory.</summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private DroneDeliveryCluster _cluster = null!;

    // Enough attempts that nothing is given up while the receiver is down.
    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 2, withQueues: false, "--DroneDelivery:Webhooks:MaxAttempts=100");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Webhooks_pending_while_the_receiver_is_down_arrive_after_the_silos_restarted()
    {
        await using var receiver = WebhookReceiver.Down();
        var (_, key, secret) = await Api.RegisterBusinessWithWebhookAsync(_cluster, receiver.Url);
        var area = TestArea.Next();
        using (var ops = _cluster.CreateOperatorClient())
        {
            await Api.RegisterDroneAsync(ops, "restart-hook", area.At(0, 0));
        }

        string id;
        using (var business = _cluster.CreateClient(key))
        {
            var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
            Assert.Equal("Scheduled", Api.Stage(accepted));
            id = accepted["deliveryId"]!.GetValue<string>();
            await Api.ReadAsync(await business.DeleteAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative)), HttpStatusCode.OK);
        }

        await _cluster.StopProcessesAsync();
        await _cluster.StartProcessesAsync(silos: 2);
        await receiver.StartListeningAsync();

        var received = await Eventually.Until(
            () => Task.FromResult(receiver.Accepted),
            accepted => accepted.Count >= 3,
            TimeSpan.FromSeconds(60),
            "the webhooks that waited through the restart");
        Assert.Equal(["Requested", "Scheduled", "Cancelled"], received.Select(r => r.Stage));
        Assert.Equal([$"{id}.0", $"{id}.1", $"{id}.2"], received.Select(r => r.EventId));
        Assert.All(received, r => Assert.True(r.IsSignedWith(secret)));
    }
}
