using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// A <see cref="ProcessSystem"/> under load and watched: a business of its own, its requests, the
/// observer and every answer, and the faults injected with the time the system took to recover from
/// each. Disposing it stops watching; the system is left to its owner.
/// </summary>
internal sealed class FaultRun : IAsyncDisposable
{
    private readonly List<FaultRecovery> _recoveries = [];
    private readonly DateTimeOffset _began = DateTimeOffset.UtcNow;

    private FaultRun(ProcessSystem system)
    {
        System = system;
        Observer = new DeliveryObserver(system, Log);
        Load = new DeliveryLoad(system, Observer);
    }

    public ProcessSystem System { get; }

    public ResponseLog Log { get; } = new();

    public DeliveryObserver Observer { get; }

    public DeliveryLoad Load { get; }

    /// <summary>Starts watching <paramref name="system"/>, after starting again whatever an earlier run left stopped.</summary>
    public static async Task<FaultRun> StartAsync(ProcessSystem system)
    {
        await system.EnsureRunningAsync();
        var run = new FaultRun(system);
        await run.Observer.StartAsync();
        return run;
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries hold a drone, so a fault hits them mid-flight.</summary>
    public async Task WaitInFlightAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Observer.Count(d => d.HoldsDrone) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} deliveries were in flight after {timeout}; see {System.LogFolder}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Measures how long the system took to be whole again after <paramref name="fault"/>, begun at <paramref name="at"/>.</summary>
    public async Task<FaultRecovery> RecoverAsync(string fault, DateTimeOffset at)
    {
        var recovery = await FaultRecovery.MeasureAsync(fault, at, System, Observer, Log, TimeSpan.FromSeconds(120));
        _recoveries.Add(recovery);
        return recovery;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for every accepted delivery to finish, and sums the run up.</summary>
    public async Task<RunSummary> FinishAsync(TimeSpan timeout)
    {
        await Observer.WaitAllFinishedAsync(timeout);
        var hostLogs = string.Concat(System.Silos.Concat(System.Gateways).Append(System.Simulator).Select(h => h.Warnings.Describe(h.Name, _began)));
        return RunSummary.Of(Load, Observer, Log, _recoveries, await DronesOfUnfinishedAsync(), hostLogs);
    }

    /// <summary>What the drone of each unfinished delivery says of itself: tells a stuck drone from a delivery its drone forgot.</summary>
    private async Task<IReadOnlyDictionary<string, string>> DronesOfUnfinishedAsync()
    {
        var views = new Dictionary<string, string>();
        var live = System.LiveGateways;
        if (live.Count == 0)
        {
            return views;
        }

        using var ops = ProcessSystem.CreateClient(live[0], ProcessSystem.OperatorKey);
        foreach (var delivery in Observer.Deliveries.Where(d => !d.IsFinished && d.DroneId is not null))
        {
            try
            {
                var drone = await ops.GetFromJsonAsync<JsonObject>($"/api/drones/{delivery.DroneId}");
                views[delivery.Id] = $"drone {delivery.DroneId} is {drone?["status"]} with delivery {drone?["deliveryId"]?.ToString() ?? "none"}";
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                views[delivery.Id] = $"drone {delivery.DroneId} unreadable: {e.Message}";
            }
        }

        return views;
    }

    public async ValueTask DisposeAsync() => await Observer.DisposeAsync();
}
