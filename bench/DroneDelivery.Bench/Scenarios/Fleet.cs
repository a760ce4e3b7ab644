using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>Sets up what a scenario needs through the public API, as an operator and a business would.</summary>
public static class Fleet
{
    /// <summary>Registers drones <paramref name="prefix"/>-00000.. round-robin over the area's cells; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> RegisterDronesAsync(
        HttpClient operatorClient, BenchArea area, string prefix, int count, int concurrency, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(i => BenchArea.DroneId(prefix, i)).ToArray();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var body = new { model = "FD-400", maxPayloadKg = 5, cruiseSpeedMps = 15, rangeKm = 60, homeBase = BenchArea.PointNear(i % area.Cells, 3) };
                using var response = await operatorClient.PutAsJsonAsync($"/api/drones/{ids[i]}", body, ct);
                await EnsureAsync(response, HttpStatusCode.Created, ct);
            });
        return ids;
    }

    /// <summary>Registers a business; returns its API key.</summary>
    public static async Task<string> RegisterBusinessAsync(HttpClient anonymous, CancellationToken cancellationToken)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/businesses", new { name = "Bench business" }, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("apiKey").GetString()!;
    }

    internal static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
    }
}
