using System.Net;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed class HostingTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Gateway_and_silos_report_live_and_ready_with_cluster_and_storage_checked()
    {
        using var http = new HttpClient();
        foreach (var host in _cluster.SiloAddresses.Append(_cluster.GatewayAddress))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(host, "/health/live"))).StatusCode);
            var ready = await Api.ReadAsync(await http.GetAsync(new Uri(host, "/health/ready")), HttpStatusCode.OK);
            Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
            Assert.Equal("Healthy", ready["checks"]!["azure-table-storage"]!["status"]!.GetValue<string>());
            Assert.Equal("Healthy", ready["checks"]!["orleans-cluster"]!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Swagger_describes_every_endpoint_with_request_schemas_and_examples()
    {
        using var http = _cluster.CreateClient();
        var document = await Api.GetAsync(http, "/swagger/v1/swagger.json");
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/businesses", "/api/businesses/me", "/api/deliveryrequests", "/api/deliveries/{id}", "/api/deliveries/{id}/status", "/api/deliveries/{id}/milestones", "/api/packages/{id}", "/api/drones", "/api/drones/{id}" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the Swagger document.");
        }

        var schemas = document["components"]!["schemas"]!;
        var weight = schemas["PackageDto"]!["properties"]!["weightKg"]!;
        Assert.Equal(1.2, weight["example"]!.GetValue<double>());
        Assert.NotNull(schemas["DeliveryAcceptedResponse"]);

        var page = await http.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
