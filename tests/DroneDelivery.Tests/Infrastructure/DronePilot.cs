using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>Flies one drone by hand through the public drone channel: posts its fixes and reads its mission.</summary>
internal sealed class DronePilot(HttpClient channel, string droneId)
{
    public string DroneId { get; } = droneId;

    /// <summary>Posts one fix and waits until the drone has taken it in (its position and battery are this fix's).</summary>
    public async Task<DateTimeOffset> ReportAsync(GeoPoint at, double batteryPct = 80, double speedMps = 15, string? droneEvent = null)
    {
        var time = DateTimeOffset.UtcNow;
        var response = await channel.PostAsJsonAsync("/api/telemetry", new[]
        {
            new { droneId = DroneId, at = time, lat = at.Lat, lon = at.Lon, alt = 100.0, speedMps, headingDeg = 0.0, batteryPct, @event = droneEvent },
        });
        await Api.ReadAsync(response, HttpStatusCode.Accepted);
        await Eventually.Until(
            () => Api.GetAsync(channel, $"/api/drones/{DroneId}"),
            d => d["position"]!["lat"]!.GetValue<double>() == at.Lat && d["position"]!["lon"]!.GetValue<double>() == at.Lon
                && d["batteryPct"]!.GetValue<double>() == batteryPct,
            TimeSpan.FromSeconds(20),
            $"drone {DroneId} to take in its fix at {at}");
        return time;
    }

    public Task<JsonNode> DroneAsync() => Api.GetAsync(channel, $"/api/drones/{DroneId}");

    public Task<JsonNode> MissionAsync(long? after = null, int waitSeconds = 0) =>
        Api.GetAsync(channel, $"/api/drones/{DroneId}/mission?waitSeconds={waitSeconds}" + (after is null ? "" : $"&after={after}"));

    public async Task<string> StatusAsync() => (await DroneAsync())["status"]!.GetValue<string>();
}
