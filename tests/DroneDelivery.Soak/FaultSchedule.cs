using DroneDelivery.Tests.Processes;

namespace DroneDelivery.Soak;

/// <summary>
/// The faults of issue 8, one after another, spread evenly over the run and repeated as time
/// allows; each is followed by the time the system took to be whole again.
/// </summary>
internal static class FaultSchedule
{
    private static readonly TimeSpan StorageOutage = TimeSpan.FromSeconds(20);

    private static readonly (string Name, Func<ProcessSystem, Task> Inject)[] Faults =
    [
        ("silo-2 SIGKILL, restarted", async system =>
        {
            await system.Silos[1].KillAsync();
            await ProcessSystem.RestartAsync(system.Silos[1]);
        }),
        ("silo-3 SIGTERM, restarted", async system =>
        {
            await system.Silos[2].TerminateAsync(TimeSpan.FromSeconds(60));
            await ProcessSystem.RestartAsync(system.Silos[2]);
        }),
        // The second gateway: the simulator's drones talk to the first, as a fleet talks to its own endpoint.
        ("gateway-2 SIGTERM, restarted", async system =>
        {
            await system.Gateways[1].TerminateAsync(TimeSpan.FromSeconds(60));
            await ProcessSystem.RestartAsync(system.Gateways[1]);
        }),
        ("Azurite stopped for 20 s", async system =>
        {
            await system.Storage.StopAsync();
            await Task.Delay(StorageOutage);
            await system.Storage.StartAsync();
        }),
    ];

    public static async Task RunAsync(FaultRun run, TimeSpan duration, Action<string> report, CancellationToken stop)
    {
        var started = DateTimeOffset.UtcNow;
        var gap = duration / (Faults.Length + 1);
        for (var i = 0; ; i++)
        {
            var due = started + (gap * (i + 1));
            if (due >= started + duration)
            {
                return;
            }

            await Task.Delay(Max(due - DateTimeOffset.UtcNow, TimeSpan.Zero), stop);
            var (name, inject) = Faults[i % Faults.Length];
            report($"injecting: {name}");
            var at = DateTimeOffset.UtcNow;
            await inject(run.System);
            report((await run.RecoverAsync(name, at)).ToString());
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
