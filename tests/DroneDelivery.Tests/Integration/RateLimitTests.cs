using System.Net;
using System.Net.Http.Json;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>A gateway with low limits, on the shared cluster: callers over their rate get 429 with Retry-After, others carry on.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RateLimitTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_while_another_key_and_the_health_probes_carry_on()
    {
        var (_, key) = await Api.RegisterBusinessAsync(_cluster);
        var (_, otherKey) = await Api.RegisterBusinessAsync(_cluster);
        var gateway = await _cluster.StartGatewayAsync(0, "--DroneDelivery:RateLimits:PerKeyPerSecond=1", "--DroneDelivery:RateLimits:PerKeyBurst=3");
        try
        {
            using var busy = Client(gateway, key);
            var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => busy.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))));
            Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 3, 11);
            var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetInt32());

            using var other = Client(gateway, otherKey);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
            foreach (var _ in Enumerable.Range(0, 10))
            {
                Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            }
        }
        finally
        {
            await _cluster.StopGatewayAsync(gateway);
        }
    }

    [Fact]
    public async Task Registration_is_limited_per_address_harder_than_the_rest()
    {
        var gateway = await _cluster.StartGatewayAsync(0, "--DroneDelivery:RateLimits:RegistrationsPerAddressPerMinute=2");
        try
        {
            using var anonymous = Client(gateway, key: null);
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/businesses", new { name = "Contoso" })).StatusCode);
            }

            var third = await anonymous.PostAsJsonAsync("/api/businesses", new { name = "Contoso" });
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.True(third.Headers.Contains("Retry-After"));

            // Everything else from the same address still works.
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await _cluster.StopGatewayAsync(gateway);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_client_address_comes_from_X_Forwarded_For_only_behind_a_trusted_proxy(bool trusted)
    {
        var gateway = await _cluster.StartGatewayAsync(0, [
            "--DroneDelivery:RateLimits:RegistrationsPerAddressPerMinute=1",
            .. trusted ? ["--DroneDelivery:Gateway:TrustedProxies:0=127.0.0.1"] : Array.Empty<string>()]);
        try
        {
            using var client = Client(gateway, key: null);
            var answers = new List<HttpStatusCode>();
            foreach (var forwardedFor in new[] { "203.0.113.10", "203.0.113.11", "203.0.113.10" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/businesses") { Content = JsonContent.Create(new { name = "Contoso" }) };
                request.Headers.Add("X-Forwarded-For", forwardedFor);
                answers.Add((await client.SendAsync(request)).StatusCode);
            }

            // Behind the trusted proxy each forwarded client has its own allowance; otherwise the header is the caller's word and counts for nothing.
            Assert.Equal(
                trusted
                    ? [HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]
                    : [HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
                answers);
        }
        finally
        {
            await _cluster.StopGatewayAsync(gateway);
        }
    }

    private static HttpClient Client(Uri gateway, string? key)
    {
        var client = new HttpClient { BaseAddress = gateway };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }
}
