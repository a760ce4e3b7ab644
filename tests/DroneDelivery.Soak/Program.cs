using System.Globalization;
using DroneDelivery.Soak;
using DroneDelivery.Tests.Processes;

var options = SoakOptions.Parse(args);
var duration = TimeSpan.FromMinutes(options.Minutes);
void Report(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {line}"));

Report($"starting Azurite, 3 silos, 2 gateways and {options.Drones} simulated drones at {options.Speed}x");
await using var system = await ProcessSystem.StartAsync("soak", new SystemSize { Drones = options.Drones, SimulatorSpeed = options.Speed, RadiusKm = 6 });
Report($"running {options.Minutes} min with {options.InFlight} deliveries in flight; logs in {system.LogFolder}");
await using var run = await FaultRun.StartAsync(system);

using var stop = new CancellationTokenSource(duration);
var faults = FaultSchedule.RunAsync(run, duration, Report, stop.Token);
await SoakLoad.RunAsync(run, options.InFlight, Report, stop.Token);
try
{
    await faults;
}
catch (OperationCanceledException)
{
    // The run ended between two faults.
}

Report("load stopped; waiting for every accepted delivery to finish");
var summary = await run.FinishAsync(TimeSpan.FromMinutes(5));
Console.WriteLine();
Console.WriteLine(summary);
foreach (var reason in await SoakLoad.ReasonsAsync(run))
{
    Console.WriteLine($"  {reason}");
}

return summary.Violations().Count == 0 ? 0 : 1;
