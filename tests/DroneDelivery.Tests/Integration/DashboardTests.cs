using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed class DashboardTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    private Uri Silo => _cluster.SiloAddresses.First();

    [Fact]
    public async Task Dashboard_without_credentials_is_challenged_for_Basic_sign_in()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(Silo, "/dashboard/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=\"Orleans Dashboard\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator", "not-the-operator-key-at-all")]
    [InlineData("operator", "")]
    [InlineData(DroneDeliveryCluster.DroneKey, DroneDeliveryCluster.DroneKey)]
    public async Task Dashboard_with_a_wrong_password_is_refused(string user, string password)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Silo, "/dashboard/"));
        request.Headers.Authorization = Basic(user, password);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Dashboard_with_the_operator_key_as_password_serves_its_page()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Silo, "/dashboard/"));
        request.Headers.Authorization = Basic("any-user-name", DroneDeliveryCluster.OperatorKey);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dashboard_data_the_page_polls_needs_the_operator_key_too()
    {
        using var http = new HttpClient();
        var stats = new Uri(Silo, "/dashboard/ClusterStats");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(stats)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, stats);
        request.Headers.Authorization = Basic("operator", DroneDeliveryCluster.OperatorKey);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_metrics_stay_anonymous_on_the_silo()
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(Silo, "/health/live"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(Silo, "/metrics"))).StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
