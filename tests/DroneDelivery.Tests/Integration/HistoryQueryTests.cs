using System.Net;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>The history endpoints refuse what they can't answer, naming the field, and answer zero for a month without anything.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HistoryQueryTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("/api/businesses/me/summary?year=2026&month=13", "month")]
    [InlineData("/api/businesses/me/summary?year=2026&month=0", "month")]
    [InlineData("/api/businesses/me/summary?year=26&month=1", "year")]
    [InlineData("/api/businesses/me/summary?year=abc&month=1", "year")]
    [InlineData("/api/businesses/me/summary?month=1", "year")]
    [InlineData("/api/businesses/me/deliveries?stage=HeadedToPickup", "stage")]
    [InlineData("/api/businesses/me/deliveries?stage=Lost", "stage")]
    [InlineData("/api/businesses/me/deliveries?limit=0", "limit")]
    [InlineData("/api/businesses/me/deliveries?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("/api/businesses/me/deliveries?from=yesterday", "from")]
    [InlineData("/api/businesses/me/deliveries?continuationToken=not-a-token", "continuationToken")]
    public async Task A_bad_history_query_is_a_400_naming_the_field(string path, string field)
    {
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var problem = await Api.ReadAsync(await business.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_bad_utilization_month_is_a_400_and_a_month_without_flights_is_zero()
    {
        using var ops = _cluster.CreateOperatorClient();
        var problem = await Api.ReadAsync(await ops.GetAsync(new Uri("/api/drones/never-flown/utilization?year=2026&month=13", UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.Contains("month", problem["errors"]!.AsObject().Select(e => e.Key));
        var none = await Api.GetAsync(ops, "/api/drones/never-flown/utilization?year=2026&month=11");
        Assert.Equal(0, none["flights"]!.GetValue<int>());
        Assert.Equal(0, none["distanceKm"]!.GetValue<double>());
    }
}
