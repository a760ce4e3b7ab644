using System.Net;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>A business rotates its API keys: issue a new one, switch, revoke the old one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ApiKeyRotationTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_business_issues_a_second_key_revokes_the_first_and_the_first_stops_working_at_once()
    {
        var (businessId, firstKey) = await Api.RegisterBusinessAsync(_cluster);
        using var first = _cluster.CreateClient(firstKey);
        var original = Assert.Single((await Api.GetAsync(first, "/api/businesses/me/keys")).AsArray());

        var issued = await Api.ReadAsync(await first.PostAsync(new Uri("/api/businesses/me/keys", UriKind.Relative), null), HttpStatusCode.Created);
        var secondKey = issued["apiKey"]!.GetValue<string>();
        Assert.StartsWith($"fdd.{businessId}.{issued["keyId"]}.", secondKey);
        using var second = _cluster.CreateClient(secondKey);
        Assert.Equal(businessId, (await Api.GetAsync(second, "/api/businesses/me"))["id"]!.GetValue<string>());

        var listing = await second.GetStringAsync(new Uri("/api/businesses/me/keys", UriKind.Relative));
        Assert.Equal(
            new[] { original!["keyId"]!.GetValue<string>(), issued["keyId"]!.GetValue<string>() }.Order(),
            JsonNode.Parse(listing)!.AsArray().Select(k => k!["keyId"]!.GetValue<string>()).Order());
        Assert.DoesNotContain("fdd.", listing);

        var revoke = await second.DeleteAsync(new Uri($"/api/businesses/me/keys/{original["keyId"]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
        Assert.Single((await Api.GetAsync(second, "/api/businesses/me/keys")).AsArray());
    }

    [Fact]
    public async Task Keys_are_capped_the_last_one_cannot_be_revoked_and_another_business_cannot_touch_them()
    {
        var (_, key) = await Api.RegisterBusinessAsync(_cluster);
        using var business = _cluster.CreateClient(key);
        var own = (await Api.GetAsync(business, "/api/businesses/me/keys")).AsArray().Single()!["keyId"]!.GetValue<string>();
        var issued = new List<string>();
        for (var i = 1; i < 5; i++)
        {
            issued.Add((await Api.ReadAsync(await business.PostAsync(new Uri("/api/businesses/me/keys", UriKind.Relative), null), HttpStatusCode.Created))["keyId"]!.GetValue<string>());
        }

        var sixth = await business.PostAsync(new Uri("/api/businesses/me/keys", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Equal("application/problem+json", sixth.Content.Headers.ContentType?.MediaType);

        using var stranger = await Api.NewBusinessClientAsync(_cluster);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync(new Uri($"/api/businesses/me/keys/{issued[0]}", UriKind.Relative))).StatusCode);
        Assert.Equal(5, (await Api.GetAsync(business, "/api/businesses/me/keys")).AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await business.DeleteAsync(new Uri("/api/businesses/me/keys/000000000000", UriKind.Relative))).StatusCode);

        foreach (var keyId in issued)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await business.DeleteAsync(new Uri($"/api/businesses/me/keys/{keyId}", UriKind.Relative))).StatusCode);
        }

        var last = await business.DeleteAsync(new Uri($"/api/businesses/me/keys/{own}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await business.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
    }
}
