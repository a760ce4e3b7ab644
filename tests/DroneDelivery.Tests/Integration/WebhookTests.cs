using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>Webhooks as a business receives them: real HTTP to a receiver of the test's own, from deliveries flown over the telemetry API.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Every_stage_of_a_flown_delivery_arrives_in_order_signed_with_the_secret_from_registration()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, key, secret) = await Api.RegisterBusinessWithWebhookAsync(_cluster, receiver.Url);
        using var business = _cluster.CreateClient(key);
        var area = TestArea.Next();
        var pilot = await RegisterPilotAsync(area);
        var id = await RequestAsync(business, area);
        await FlyAsync(pilot, area);

        var received = await AcceptedAsync(receiver, id, count: 5);
        Assert.Equal(["Requested", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"], received.Select(r => r.Stage));
        Assert.Equal(5, receiver.Received.Count);
        var milestones = (await Api.GetAsync(business, $"/api/deliveries/{id}/milestones")).AsArray();
        for (var i = 0; i < received.Count; i++)
        {
            var webhook = received[i];
            Assert.True(webhook.IsSignedWith(secret), $"The {webhook.Stage} webhook's signature does not verify.");
            Assert.Equal(id, webhook.Json["deliveryId"]!.GetValue<string>());
            Assert.Equal(webhook.EventId, webhook.Id);
            Assert.Equal(milestones[i]!["at"]!.GetValue<DateTimeOffset>(), webhook.Json["at"]!.GetValue<DateTimeOffset>());
            var sentAt = webhook.Json["sentAt"]!.GetValue<DateTimeOffset>();
            Assert.Equal(sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), webhook.Timestamp);
            Assert.InRange(sentAt, webhook.Json["at"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow);
        }

        Assert.Equal(5, received.Select(r => r.EventId).Distinct().Count());
        Assert.NotNull(received[1].Json["pickupEta"]);
        Assert.NotNull(received[1].Json["deliveryEta"]);
        Assert.Null(received[3].Json["pickupEta"]);
        Assert.NotNull(received[3].Json["deliveryEta"]);
        Assert.Null(received[4].Json["deliveryEta"]);
    }

    [Fact]
    public async Task A_receiver_answering_500_a_few_times_still_gets_every_event_in_order_under_the_same_event_ids()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(DroneDeliveryCluster.WebhookMaxAttempts - 1);
        var (_, key, secret) = await Api.RegisterBusinessWithWebhookAsync(_cluster, receiver.Url);
        using var business = _cluster.CreateClient(key);
        var area = TestArea.Next();
        await RegisterPilotAsync(area);
        var id = await RequestAsync(business, area);
        await Api.ReadAsync(await business.DeleteAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative)), HttpStatusCode.OK);

        var accepted = await AcceptedAsync(receiver, id, count: 3);
        Assert.Equal(["Requested", "Scheduled", "Cancelled"], accepted.Select(r => r.Stage));
        Assert.All(accepted, r => Assert.True(r.IsSignedWith(secret)));

        // The first event failed, was tried again under its own id, and nothing overtook it.
        var attempts = receiver.Received;
        Assert.Equal(DroneDeliveryCluster.WebhookMaxAttempts + 2, attempts.Count);
        Assert.All(attempts.Take(DroneDeliveryCluster.WebhookMaxAttempts), r => Assert.Equal($"{id}.0", r.EventId));
        Assert.Equal([$"{id}.0", $"{id}.1", $"{id}.2"], accepted.Select(r => r.EventId));
        Assert.Equal(DroneDeliveryCluster.WebhookMaxAttempts, attempts.Select(r => r.Json["sentAt"]!.GetValue<DateTimeOffset>()).Take(DroneDeliveryCluster.WebhookMaxAttempts).Distinct().Count());
    }

    [Fact]
    public async Task A_receiver_that_always_fails_has_each_event_given_up_after_the_last_attempt_and_the_delivery_is_still_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(int.MaxValue);
        var (_, key, _) = await Api.RegisterBusinessWithWebhookAsync(_cluster, receiver.Url);
        using var business = _cluster.CreateClient(key);
        var area = TestArea.Next();
        var pilot = await RegisterPilotAsync(area);
        var id = await RequestAsync(business, area);
        await FlyAsync(pilot, area);
        await Eventually.Until(
            () => Api.GetAsync(business, $"/api/deliveries/{id}/status"),
            s => Api.Stage(s) == "Delivered",
            Deadline,
            $"delivery {id} to be delivered with its webhooks failing");

        // Each of the five events tried the configured number of times, in turn: the next one only once its predecessor was given up.
        var attempts = DroneDeliveryCluster.WebhookMaxAttempts;
        var received = await Eventually.Until(
            () => Task.FromResult(receiver.Received),
            r => r.Count >= 5 * attempts,
            Deadline,
            $"{attempts} attempts at each of the five events");
        Assert.Equal(
            Enumerable.Range(0, 5).SelectMany(n => Enumerable.Repeat($"{id}.{n}", attempts)),
            received.Select(r => r.EventId));
        Assert.Empty(receiver.Accepted);
    }

    [Fact]
    public async Task Registration_refuses_webhooks_to_localhost_non_public_addresses_and_plain_http_where_they_are_not_allowed()
    {
        var strict = await _cluster.StartGatewayAsync(0, "--DroneDelivery:Webhooks:AllowHttp=false", "--DroneDelivery:Webhooks:AllowPrivateTargets=false");
        try
        {
            using var http = new HttpClient { BaseAddress = strict };
            string[] refusedAsHttp = ["http://127.0.0.1/", "http://169.254.169.254/", "http://[::1]/", "http://localhost/", "http://hooks.example.com/drone"];
            foreach (var url in refusedAsHttp)
            {
                Assert.Equal("Must be an https URL.", await RefusalAsync(http, url));
            }

            string[] refusedAsPrivate = ["https://127.0.0.1/", "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://10.0.0.8/", "https://[fd12:3456::1]/", "https://0.0.0.0/", "https://[::ffff:192.168.1.1]/"];
            foreach (var url in refusedAsPrivate)
            {
                Assert.Equal("Must not point at a loopback, private, link-local or otherwise non-public address.", await RefusalAsync(http, url));
            }

            Assert.Equal("Must not point at localhost.", await RefusalAsync(http, "https://localhost:8443/hooks"));

            var accepted = await http.PostAsJsonAsync("/api/businesses", new { name = "Public hooks", webhookUrl = "https://hooks.example.com/drone" });
            Assert.NotNull((await Api.ReadAsync(accepted, HttpStatusCode.Created))["webhookSecret"]);
        }
        finally
        {
            await _cluster.StopGatewayAsync(strict);
        }
    }

    [Fact]
    public async Task A_business_without_a_webhook_gets_no_outbox_and_an_outbox_whose_final_event_is_out_is_deleted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, hookedKey, _) = await Api.RegisterBusinessWithWebhookAsync(_cluster, receiver.Url);
        using var hooked = _cluster.CreateClient(hookedKey);
        using var plain = await Api.NewBusinessClientAsync(_cluster);
        var area = TestArea.Next();
        await RegisterPilotAsync(area);
        var withHook = await RequestAsync(hooked, area);
        await RegisterPilotAsync(area);
        var without = await RequestAsync(plain, area);

        var outboxes = await OutboxRowsAsync();
        Assert.Single(outboxes, row => row.Contains(withHook, StringComparison.Ordinal));
        Assert.DoesNotContain(outboxes, row => row.Contains(without, StringComparison.Ordinal));

        await Api.ReadAsync(await hooked.DeleteAsync(new Uri($"/api/deliveries/{withHook}", UriKind.Relative)), HttpStatusCode.OK);
        await Api.ReadAsync(await plain.DeleteAsync(new Uri($"/api/deliveries/{without}", UriKind.Relative)), HttpStatusCode.OK);
        await AcceptedAsync(receiver, withHook, count: 3);
        await Eventually.Until(
            OutboxRowsAsync,
            rows => !rows.Exists(row => row.Contains(withHook, StringComparison.Ordinal)),
            Deadline,
            $"the outbox of {withHook} to be deleted once its Cancelled event was out");
        Assert.DoesNotContain(await OutboxRowsAsync(), row => row.Contains(without, StringComparison.Ordinal));
    }

    private async Task<DronePilot> RegisterPilotAsync(TestArea area)
    {
        var droneId = $"hook-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        return new DronePilot(_cluster.CreateOperatorClient(), droneId);
    }

    private static async Task<string> RequestAsync(HttpClient business, TestArea area)
    {
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal("Scheduled", Api.Stage(accepted));
        return accepted["deliveryId"]!.GetValue<string>();
    }

    /// <summary>Takes off, picks up and lands at the drop-off of <see cref="RequestAsync"/>'s delivery, waiting at each step for the stage.</summary>
    private static async Task FlyAsync(DronePilot pilot, TestArea area)
    {
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        await pilot.ReportAsync(area.At(2, 0));
    }

    private static Task<IReadOnlyList<ReceivedWebhook>> AcceptedAsync(WebhookReceiver receiver, string deliveryId, int count) =>
        Eventually.Until(
            () => Task.FromResult(receiver.Accepted),
            accepted => accepted.Count >= count,
            Deadline,
            $"{count} webhooks of delivery {deliveryId}");

    /// <summary>Partition keys of the outbox rows in grain storage.</summary>
    private async Task<List<string>> OutboxRowsAsync()
    {
        var table = new TableServiceClient(_cluster.Storage.ConnectionString).GetTableClient(Silo.Hosting.SiloBuilderExtensions.GrainStateTable);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            if (row.PartitionKey.Contains("webhookoutbox", StringComparison.Ordinal))
            {
                rows.Add(row.PartitionKey);
            }
        }

        return rows;
    }

    private static async Task<string> RefusalAsync(HttpClient http, string webhookUrl)
    {
        var response = await http.PostAsJsonAsync("/api/businesses", new { name = "Probe", webhookUrl });
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Api.ReadAsync(response, HttpStatusCode.BadRequest);
        return problem["errors"]!["webhookUrl"]![0]!.GetValue<string>();
    }
}
