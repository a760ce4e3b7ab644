using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed class MetricsTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Silos_export_stage_changes_and_assignment_durations_once_a_delivery_is_scheduled()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, $"metrics-{Guid.NewGuid():N}", area.At(-1, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(2, 0)));
        Assert.Equal("Scheduled", Api.Stage(accepted));

        // The delivery grain lives on one of the silos, and each silo exports only its own.
        using var http = new HttpClient();
        await Eventually.Until(
            async () =>
            {
                var scrapes = await PrometheusScrape.SilosAsync(_cluster, http);
                return scrapes.Sum(s => PrometheusScrape.Sum(s, "dronedelivery_deliveries_stage_changes_total", "stage=\"Scheduled\"")) > 0
                    && scrapes.Sum(s => PrometheusScrape.Sum(s, "dronedelivery_assignment_duration_seconds_count")) > 0;
            },
            Deadline,
            "the silos to export a Scheduled stage change and an assignment duration");
    }

    [Fact]
    public async Task Gateway_exports_ASP_NET_Core_request_durations()
    {
        using var http = _cluster.CreateClient();
        await Eventually.Until(
            async () =>
            {
                await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                return scrape.Contains("http_server_request_duration_seconds_count", StringComparison.Ordinal);
            },
            Deadline,
            "the gateway to export http_server_request_duration_seconds");
    }
}
