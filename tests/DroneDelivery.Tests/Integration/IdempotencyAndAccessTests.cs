using System.Net;
using System.Net.Http.Json;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyAndAccessTests(ClusterFixture fixture)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task Repeating_a_request_with_the_same_deliveryId_returns_the_same_answer_and_takes_one_drone()
    {
        var area = TestArea.Next();
        using var ops = _cluster.CreateOperatorClient();
        var drones = new[] { $"d-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}" };
        await Api.RegisterDroneAsync(ops, drones[0], area.At(1, 0));
        await Api.RegisterDroneAsync(ops, drones[1], area.At(2, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var request = Api.Delivery(area.At(0, 0), area.At(3, 0), deliveryId: $"order-{Guid.NewGuid():N}");

        var first = await Api.RequestDeliveryAsync(business, request);
        var second = await Api.RequestDeliveryAsync(business, request);

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        var statuses = await Task.WhenAll(drones.Select(id => Api.GetAsync(ops, $"/api/drones/{id}")));
        Assert.Equal(["Assigned", "Available"], statuses.Select(d => d["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Repeating_a_request_with_the_same_Idempotency_Key_creates_nothing_new_and_a_changed_body_is_409()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(business, key, Api.Delivery(area.At(0, 0), area.At(3, 0)));
        var firstBody = await Api.ReadAsync(first, HttpStatusCode.Accepted);
        var again = await Api.ReadAsync(await PostWithKeyAsync(business, key, Api.Delivery(area.At(0, 0), area.At(3, 0))), HttpStatusCode.Accepted);
        Assert.Equal(firstBody.ToJsonString(), again.ToJsonString());
        Assert.Equal($"/api/deliveries/{firstBody["deliveryId"]}", first.Headers.Location?.OriginalString);

        var changed = await PostWithKeyAsync(business, key, Api.Delivery(area.At(0, 0), area.At(4, 0)));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);

        // The same key from another business is another delivery altogether.
        using var other = await Api.NewBusinessClientAsync(_cluster);
        var theirs = await Api.ReadAsync(await PostWithKeyAsync(other, key, Api.Delivery(area.At(0, 0), area.At(4, 0))), HttpStatusCode.Accepted);
        Assert.NotEqual(firstBody["deliveryId"]!.GetValue<string>(), theirs["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_changed_body_under_a_used_deliveryId_is_409()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var id = $"order-{Guid.NewGuid():N}";
        await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(0, 0), area.At(3, 0), deliveryId: id));

        var response = await business.PostAsJsonAsync("/api/deliveryrequests", Api.Delivery(area.At(0, 0), area.At(3, 0), weightKg: 2, deliveryId: id));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var delivery = await Api.GetAsync(business, $"/api/deliveries/{id}");
        Assert.Equal(1, delivery["package"]!["weightKg"]!.GetValue<double>());
    }

    [Fact]
    public async Task Another_business_gets_404_for_a_delivery_or_package_that_is_not_its_own_and_sees_none_of_it()
    {
        var area = TestArea.Next();
        using var owner = await Api.NewBusinessClientAsync(_cluster);
        using var stranger = await Api.NewBusinessClientAsync(_cluster);
        var id = $"order-{Guid.NewGuid():N}";
        await Api.RequestDeliveryAsync(owner, Api.Delivery(area.At(0, 0), area.At(3, 0), deliveryId: id));

        foreach (var path in new[] { $"/api/deliveries/{id}", $"/api/deliveries/{id}/status", $"/api/deliveries/{id}/milestones", $"/api/packages/{id}" })
        {
            var response = await stranger.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("lat", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("biz-", body, StringComparison.Ordinal);
        }

        // Reusing the id is refused without revealing anything of the owner's delivery.
        var reuse = await stranger.PostAsJsonAsync("/api/deliveryrequests", Api.Delivery(area.At(0, 0), area.At(3, 0), deliveryId: id));
        Assert.Equal(HttpStatusCode.Conflict, reuse.StatusCode);
        Assert.DoesNotContain("biz-", await reuse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_without_a_valid_key_get_401_and_business_keys_do_not_open_operator_endpoints()
    {
        var (businessId, key) = await Api.RegisterBusinessAsync(_cluster);
        using var anonymous = _cluster.CreateClient();
        using var wrong = _cluster.CreateClient("not-a-key");
        // Right shape, right business, wrong secret.
        using var forged = _cluster.CreateClient(key[..^4] + (key[^4..] == "0000" ? "1111" : "0000"));
        using var business = _cluster.CreateClient(key);

        foreach (var client in new[] { anonymous, wrong, forged })
        {
            var me = await client.GetAsync(new Uri("/api/businesses/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/drones", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/deliveryrequests", new { })).StatusCode);
        }

        var own = await Api.GetAsync(business, "/api/businesses/me");
        Assert.Equal(businessId, own["id"]!.GetValue<string>());
        Assert.Null(own["apiKey"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await business.GetAsync(new Uri("/api/drones", UriKind.Relative))).StatusCode);
        using var ops = _cluster.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await ops.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/deliveryrequests") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
