using DroneDelivery.Bench;
using DroneDelivery.Bench.Scenarios;

// The fan-out's watchers run in a process of their own: the bench itself, started this way.
if (args is [WatcherHost.Command, var gateway])
{
    return await WatcherHost.RunAsync(new Uri(gateway), Console.In, Console.OpenStandardOutput());
}

try
{
    var options = BenchOptions.Parse(args);
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    await BenchRunner.RunAsync(options, cancel.Token);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
