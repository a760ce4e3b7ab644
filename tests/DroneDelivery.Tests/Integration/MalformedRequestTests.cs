using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>Every malformed request gets a 4xx ProblemDetails naming what is wrong; none gets a 500.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MalformedRequestTests(ClusterFixture fixture)
{
    private const string Valid = """{"pickup":{"lat":47.6,"lon":-122.3},"dropoff":{"lat":47.65,"lon":-122.35},"package":{"size":"Small","weightKg":1}}""";
    private const string Drone = """{"model":"FD-400","maxPayloadKg":5,"cruiseSpeedMps":15,"rangeKm":40,"homeBase":{"lat":47.6,"lon":-122.3}}""";

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    public enum Caller
    {
        Anonymous,
        Business,
        Operator,
    }

    /// <summary>Caller, method, path, content type, body, expected status, and the field the 400 must name.</summary>
    public static TheoryData<Caller, string, string, string?, string?, int, string?> Cases => new()
    {
        // Wrong JSON types.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("47.6,", "\"north\","), 400, "pickup.lat" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"weightKg\":1", "\"weightKg\":\"heavy\""), 400, "package.weightKg" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"expedited\":\"yes\",\"pickup\""), 400, "expedited" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"deliveryId\":42,\"pickup\""), 400, "deliveryId" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"pickup\":{\"lat\":47.6,\"lon\":-122.3}", "\"pickup\":[47.6,-122.3]"), 400, "pickup" },
        // Missing fields.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", """{"dropoff":{"lat":47.65,"lon":-122.35},"package":{"size":"Small","weightKg":1}}""", 400, "pickup" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", """{"pickup":{"lat":47.6,"lon":-122.3},"dropoff":{"lat":47.65,"lon":-122.35}}""", 400, "package" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"size\":\"Small\",", ""), 400, "package.size" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace(",\"lon\":-122.3}", "}"), 400, "pickup.lon" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", "{}", 400, "pickup" },
        // Out of range.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("47.6,", "91,"), 400, "pickup.lat" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("-122.35", "-180.5"), 400, "dropoff.lon" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"lon\":-122.3}", "\"lon\":-122.3,\"alt\":20000}"), 400, "pickup.alt" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"weightKg\":1", "\"weightKg\":-1"), 400, "package.weightKg" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"weightKg\":1", "\"weightKg\":0"), 400, "package.weightKg" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"weightKg\":1", "\"weightKg\":1e9"), 400, "package.weightKg" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"weightKg\":1", "\"weightKg\":1e999"), 400, "package.weightKg" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"pickupTime\":\"2001-01-01T00:00:00Z\",\"pickup\""), 400, "pickupTime" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"deadline\":\"2001-01-01T00:00:00Z\",\"pickup\""), 400, "deadline" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"pickupTime\":\"not a time\",\"pickup\""), 400, "pickupTime" },
        // Unknown enum values, and numbers where names are expected.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("Small", "Huge"), 400, "package.size" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"Small\"", "1"), 400, "package.size" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"Small\"", "\"Medium,Large\""), 400, "package.size" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"Small\"", "\" small \""), 400, "package.size" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"confirmationRequired\":\"Retina\",\"pickup\""), 400, "confirmationRequired" },
        // Ids.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"deliveryId\":\"no spaces!\",\"pickup\""), 400, "deliveryId" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", $"{{\"deliveryId\":\"{new string('a', 65)}\",\"pickup\""), 400, "deliveryId" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"size\"", "\"packageId\":\"../etc\",\"size\""), 400, "package.packageId" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"size\"", $"\"tag\":\"{new string('t', 101)}\",\"size\""), 400, "package.tag" },
        // Not the expected JSON at all.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", "{", 400, "body" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", "[]", 400, "body" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", "null", 400, "body" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", "", 400, "body" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"surprise\":1,\"pickup\""), 400, "surprise" },
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("{\"pickup\"", "{\"pickup\":{\"lat\":1,\"lon\":1},\"pickup\""), 400, "pickup" },
        // Size and media type.
        { Caller.Business, "POST", "/api/deliveryrequests", "application/json", Valid.Replace("\"size\"", $"\"tag\":\"{new string('x', 100_000)}\",\"size\""), 413, null },
        { Caller.Business, "POST", "/api/deliveryrequests", "text/plain", Valid, 415, null },
        { Caller.Business, "POST", "/api/deliveryrequests", null, null, 400, "body" },
        { Caller.Business, "GET", "/api/deliveries/has%20space", null, null, 400, "id" },
        { Caller.Business, "DELETE", "/api/businesses/me/keys/has%20space", null, null, 400, "keyId" },
        { Caller.Business, "DELETE", "/api/businesses/me/keys/" + new string('k', 65), null, null, 400, "keyId" },
        // Headers.
        { Caller.Business, "POST", "/api/deliveryrequests?idempotency=" + new string('k', 201), "application/json", Valid, 400, "Idempotency-Key" },
        // Drones.
        { Caller.Operator, "PUT", "/api/drones/bad$id", "application/json", Drone, 400, "id" },
        { Caller.Operator, "PUT", "/api/drones/ok-id", "application/json", Drone.Replace("\"maxPayloadKg\":5", "\"maxPayloadKg\":-5"), 400, "maxPayloadKg" },
        { Caller.Operator, "PUT", "/api/drones/ok-id", "application/json", Drone.Replace("\"cruiseSpeedMps\":15", "\"cruiseSpeedMps\":0"), 400, "cruiseSpeedMps" },
        { Caller.Operator, "PUT", "/api/drones/ok-id", "application/json", Drone.Replace("\"rangeKm\":40", "\"rangeKm\":100000"), 400, "rangeKm" },
        { Caller.Operator, "PUT", "/api/drones/ok-id", "application/json", Drone.Replace(",\"homeBase\":{\"lat\":47.6,\"lon\":-122.3}", ""), 400, "homeBase" },
        { Caller.Operator, "PUT", "/api/drones/ok-id", "application/json", Drone.Replace("\"FD-400\"", "\"\""), 400, "model" },
        { Caller.Operator, "GET", "/api/drones?limit=0", null, null, 400, "limit" },
        { Caller.Operator, "GET", "/api/drones?limit=many", null, null, 400, "limit" },
        { Caller.Operator, "GET", "/api/drones?status=Flying", null, null, 400, "status" },
        { Caller.Operator, "GET", "/api/drones?status=5", null, null, 400, "status" },
        { Caller.Operator, "GET", "/api/drones?continuationToken=garbage!", null, null, 400, "continuationToken" },
        // Businesses.
        { Caller.Anonymous, "POST", "/api/businesses", "application/json", """{"name":""}""", 400, "name" },
        { Caller.Anonymous, "POST", "/api/businesses", "application/json", $$"""{"name":"{{new string('n', 201)}}"}""", 400, "name" },
        { Caller.Anonymous, "POST", "/api/businesses", "application/json", """{"name":"Contoso","webhookUrl":"ftp://example.com/hook"}""", 400, "webhookUrl" },
        { Caller.Anonymous, "POST", "/api/businesses", "application/json", """{"name":"bell\u0007"}""", 400, "name" },
        { Caller.Anonymous, "POST", "/api/businesses", "application/json", """{"webhookUrl":"https://example.com"}""", 400, "name" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_request_gets_a_4xx_problem_naming_the_fault(
        Caller caller, string method, string path, string? contentType, string? body, int expectedStatus, string? field)
    {
        using var client = caller switch
        {
            Caller.Business => await Api.NewBusinessClientAsync(_cluster),
            Caller.Operator => _cluster.CreateOperatorClient(),
            _ => _cluster.CreateClient(),
        };
        var (target, idempotencyKey) = SplitIdempotency(path);
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(expectedStatus, problem["status"]!.GetValue<int>());
        if (field is not null)
        {
            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}', got: {errors.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_rejected_request_creates_nothing()
    {
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var id = $"order-{Guid.NewGuid():N}";
        var invalid = Valid.Replace("{\"pickup\"", $"{{\"deliveryId\":\"{id}\",\"pickup\"").Replace("\"weightKg\":1", "\"weightKg\":-1");

        var response = await business.PostAsync(new Uri("/api/deliveryrequests", UriKind.Relative), new StringContent(invalid, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await business.GetAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative))).StatusCode);
    }

    /// <summary>The Idempotency-Key cases carry the header value in a pseudo query string, to keep the table flat.</summary>
    private static (Uri Target, string? IdempotencyKey) SplitIdempotency(string path)
    {
        const string marker = "?idempotency=";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at < 0
            ? (new Uri(path, UriKind.Relative), null)
            : (new Uri(path[..at], UriKind.Relative), path[(at + marker.Length)..]);
    }
}
