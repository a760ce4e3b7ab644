using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Processes;

namespace DroneDelivery.Soak;

/// <summary>Keeps a number of deliveries unfinished at all times, reporting progress every half minute.</summary>
internal static class SoakLoad
{
    public static async Task RunAsync(FaultRun run, int inFlight, Action<string> report, CancellationToken stop)
    {
        var requests = new List<Task>();
        var lastReport = DateTimeOffset.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            var missing = inFlight - run.Observer.Count(d => !d.IsFinished) - (run.Load.Requested - run.Observer.Deliveries.Count - run.Load.Abandoned);
            if (missing > 0)
            {
                requests.Add(run.Load.RequestAsync(Math.Min(missing, 20), TimeSpan.FromSeconds(1), stop));
            }

            if (DateTimeOffset.UtcNow - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = DateTimeOffset.UtcNow;
                report(string.Create(CultureInfo.InvariantCulture,
                    $"requested {run.Load.Requested}, accepted {run.Observer.Deliveries.Count}, delivered {run.Observer.Count(d => d.Stage == "Delivered")}, unfinished {run.Observer.Count(d => !d.IsFinished)}, 5xx {run.Log.ServerErrors}"));
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(requests);
    }

    /// <summary>Why each delivery that was not delivered ended as it did: the note of its last milestone.</summary>
    public static async Task<IReadOnlyList<string>> ReasonsAsync(FaultRun run)
    {
        var reasons = new List<string>();
        foreach (var delivery in run.Observer.Deliveries.Where(d => d.IsFinished && d.Stage != "Delivered"))
        {
            try
            {
                var milestones = await run.Observer.NextClient().GetFromJsonAsync<JsonArray>($"/api/deliveries/{delivery.Id}/milestones");
                reasons.Add($"{delivery.Id} {delivery.Stage}: {milestones?.LastOrDefault()?["note"]?.GetValue<string>() ?? "no reason given"}");
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                reasons.Add($"{delivery.Id} {delivery.Stage}: reason unreadable ({e.Message})");
            }
        }

        return reasons;
    }
}
