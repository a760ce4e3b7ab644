using BenchmarkDotNet.Running;

// e.g. `-- --filter '*'`, or `-- --filter '*DroneChoice*' --job short`; BenchmarkDotNet's own options.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
