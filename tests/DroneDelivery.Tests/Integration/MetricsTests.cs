using System.Globalization;
using System.Text.RegularExpressions;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed partial class MetricsTests(ClusterFixture fixture)
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
                var scrapes = await Task.WhenAll(_cluster.SiloAddresses.Select(silo => http.GetStringAsync(new Uri(silo, "/metrics"))));
                return scrapes.Sum(s => Sample(s, "dronedelivery_deliveries_stage_changes_total", "stage=\"Scheduled\"")) > 0
                    && scrapes.Sum(s => Sample(s, "dronedelivery_assignment_duration_seconds_count", "")) > 0;
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

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Sample(string scrape, string name, string label) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
