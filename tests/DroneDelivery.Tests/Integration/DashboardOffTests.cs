using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// A silo with <c>DroneDelivery:Cluster:Dashboard=false</c>: no dashboard to serve, nothing of the
/// dashboard's running (its once-a-second read of every Orleans metric), and the cluster works.
/// </summary>
public sealed class DashboardOffTests : IAsyncLifetime
{
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, "--DroneDelivery:Cluster:Dashboard=false");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_with_the_dashboard_off_serves_no_dashboard_runs_none_of_it_and_still_serves_the_api()
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "/dashboard/", "/dashboard/ClusterStats" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_cluster.SiloAddresses.Single(), path));
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{DroneDeliveryCluster.OperatorKey}")));
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(request)).StatusCode);
        }

        var dashboardServices = _cluster.SiloServices.Single().GetServices<IHostedService>()
            .Where(s => s.GetType().Assembly.GetName().Name == "Orleans.Dashboard")
            .Select(s => s.GetType().Name);
        Assert.Empty(dashboardServices);

        using var business = await Api.NewBusinessClientAsync(_cluster);
        Assert.Equal(HttpStatusCode.OK, (await business.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
    }
}
