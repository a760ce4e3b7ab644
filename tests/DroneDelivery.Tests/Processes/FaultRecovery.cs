using System.Net.Http.Json;

namespace DroneDelivery.Tests.Processes;

/// <summary>One injected fault and how long the system took to be whole again after it began.</summary>
internal sealed record FaultRecovery(string Fault, DateTimeOffset At, TimeSpan? RecoveredAfter)
{
    /// <summary>
    /// Waits until the system is whole again after a fault that began at <paramref name="at"/>: a
    /// write (a business registration) succeeds through every live gateway, and then a whole
    /// sweep of the observer answers 200 for every unfinished delivery.
    /// </summary>
    public static async Task<FaultRecovery> MeasureAsync(string fault, DateTimeOffset at, ProcessSystem system, DeliveryObserver observer, ResponseLog log, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        foreach (var gateway in system.LiveGateways)
        {
            using var anonymous = ProcessSystem.CreateClient(gateway, apiKey: null, log);
            while (!await WritesAsync(anonymous))
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    return new(fault, at, null);
                }

                await Task.Delay(250);
            }
        }

        var written = DateTimeOffset.UtcNow;
        while (observer.LastCleanSweepStart < written)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return new(fault, at, null);
            }

            await Task.Delay(100);
        }

        return new(fault, at, DateTimeOffset.UtcNow - at);
    }

    private static async Task<bool> WritesAsync(HttpClient anonymous)
    {
        try
        {
            return (await anonymous.PostAsJsonAsync("/api/businesses", new { name = "Recovery probe" })).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            return false;
        }
    }

    public override string ToString() =>
        $"{At:HH:mm:ss} {Fault}: " + (RecoveredAfter is { } after ? $"recovered after {after.TotalSeconds:0.0} s" : "NOT recovered");
}
