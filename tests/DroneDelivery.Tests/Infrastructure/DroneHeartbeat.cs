using System.Net.Http.Json;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A drone parked in one place that keeps reporting, as real and simulated drones do
/// while idle, so its supervisor never finds it silent. Disposing it stops the reports.
/// </summary>
internal sealed class DroneHeartbeat : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reports;

    public DroneHeartbeat(HttpClient channel, string droneId, GeoPoint at, double batteryPct = 100) =>
        _reports = ReportAsync(channel, droneId, at, batteryPct, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reports;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static async Task ReportAsync(HttpClient channel, string droneId, GeoPoint at, double batteryPct, CancellationToken stop)
    {
        using var ticks = new PeriodicTimer(Interval);
        do
        {
            var fix = new { droneId, at = DateTimeOffset.UtcNow, lat = at.Lat, lon = at.Lon, alt = 0.0, speedMps = 0.0, headingDeg = 0.0, batteryPct };
            (await channel.PostAsJsonAsync("/api/telemetry", new[] { fix }, stop)).EnsureSuccessStatusCode();
        }
        while (await ticks.WaitForNextTickAsync(stop));
    }
}
