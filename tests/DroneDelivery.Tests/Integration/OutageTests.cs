using System.Net;
using System.Net.Http.Json;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>With storage or the whole cluster gone, the API says 503 and when to retry, never 500, and recovers by itself.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await DroneDeliveryCluster.StartAsync(silos: 1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task While_storage_is_down_writes_get_503_with_Retry_After_and_readiness_fails_then_both_recover()
    {
        using var anonymous = _cluster.CreateClient();
        await _cluster.Storage.StopAsync();

        var refused = await anonymous.PostAsJsonAsync("/api/businesses", new { name = "During outage" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must say when to retry.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);

        await _cluster.Storage.StartAsync();
        await Eventually.Until(
            async () => (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "readiness to come back with storage");
        var (_, key) = await Api.RegisterBusinessAsync(_cluster, "After outage");
        using var business = _cluster.CreateClient(key);
        Assert.Equal("After outage", (await Api.GetAsync(business, "/api/businesses/me"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_silos_readiness_fails_while_its_storage_is_down_and_recovers_when_storage_is_back()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var ready = new Uri(_cluster.SiloAddresses.Single(), "/health/ready");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ready)).StatusCode);

        await _cluster.Storage.StopAsync();
        var down = await Eventually.Until(
            () => http.GetAsync(ready),
            response => response.StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(30),
            "the silo to report not ready without storage");
        var report = await Api.ReadAsync(down, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", report["checks"]!["azure-table-storage"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(_cluster.SiloAddresses.Single(), "/health/live"))).StatusCode);

        await _cluster.Storage.StartAsync();
        await Eventually.Until(
            async () => (await http.GetAsync(ready)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the silo to be ready again with storage back");
    }

    [Fact]
    public async Task With_no_silo_running_the_gateway_answers_503_not_500()
    {
        var (_, key) = await Api.RegisterBusinessAsync(_cluster);
        using var ops = _cluster.CreateOperatorClient();
        using var business = _cluster.CreateClient(key);
        await _cluster.StopSilosAsync();

        using var anonymous = _cluster.CreateClient();
        var register = await anonymous.PostAsJsonAsync("/api/businesses", new { name = "No cluster" });
        var drones = await ops.GetAsync(new Uri("/api/drones", UriKind.Relative));
        var ready = await ops.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, register.StatusCode);
        Assert.True(register.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must say when to retry.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, drones.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
