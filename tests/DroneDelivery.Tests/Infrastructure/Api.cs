using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>What a client of the public API does, in a few calls, reading the JSON as it is on the wire.</summary>
internal static class Api
{
    public static async Task<(string Id, string ApiKey)> RegisterBusinessAsync(DroneDeliveryCluster cluster, string name = "Test business")
    {
        using var http = cluster.CreateClient();
        var response = await http.PostAsJsonAsync("/api/businesses", new { name });
        var body = await ReadAsync(response, HttpStatusCode.Created);
        return (body["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    /// <summary>Registers a business whose stage changes go to <paramref name="webhookUrl"/>; the secret is shown only here.</summary>
    public static async Task<(string Id, string ApiKey, string WebhookSecret)> RegisterBusinessWithWebhookAsync(DroneDeliveryCluster cluster, string webhookUrl)
    {
        using var http = cluster.CreateClient();
        var response = await http.PostAsJsonAsync("/api/businesses", new { name = "Webhook business", webhookUrl });
        var body = await ReadAsync(response, HttpStatusCode.Created);
        return (body["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>(), body["webhookSecret"]!.GetValue<string>());
    }

    public static async Task<HttpClient> NewBusinessClientAsync(DroneDeliveryCluster cluster)
    {
        var (_, key) = await RegisterBusinessAsync(cluster);
        return cluster.CreateClient(key);
    }

    public static async Task<JsonNode> RegisterDroneAsync(
        HttpClient operatorClient, string id, object homeBase, double maxPayloadKg = 5, double rangeKm = 40, double cruiseSpeedMps = 15)
    {
        var response = await operatorClient.PutAsJsonAsync($"/api/drones/{id}", new { model = "FD-400", maxPayloadKg, cruiseSpeedMps, rangeKm, homeBase });
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public static object Delivery(object pickup, object dropoff, double weightKg = 1, string? deliveryId = null, string? packageId = null) => new
    {
        deliveryId,
        pickup,
        dropoff,
        package = new { packageId, size = "Small", weightKg },
    };

    /// <summary>An id of the test's own, unique across runs sharing one storage.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<JsonNode> RequestDeliveryAsync(HttpClient business, object request)
    {
        var response = await business.PostAsJsonAsync("/api/deliveryrequests", request);
        return await ReadAsync(response, HttpStatusCode.Accepted);
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The body, after checking the status; a wrong status fails with the body in the message.</summary>
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static string Stage(JsonNode delivery) => delivery["stage"]!.GetValue<string>();
}
