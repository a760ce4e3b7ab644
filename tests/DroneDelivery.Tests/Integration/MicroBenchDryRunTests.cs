using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DroneDelivery.MicroBench.Scheduling;
using DroneDelivery.MicroBench.Telemetry;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// The micro-benchmarks still run: every case of each class once, in this process
/// (BenchmarkDotNet's dry job), its setup's own checks included. No timing is asserted.
/// </summary>
public sealed class MicroBenchDryRunTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("drone-microbench-").FullName;

    [Theory]
    [InlineData(typeof(DroneChoiceBenchmarks), 6)]
    [InlineData(typeof(TelemetryItemBenchmarks), 8)]
    public void Every_case_runs_and_reports_a_measurement(Type benchmarks, int cases)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(_artifacts)
            // The tests may be built in Debug; what is checked here is that the cases run, not their speed.
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);

        var summary = BenchmarkRunner.Run(benchmarks, config);

        Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        Assert.Equal(cases, summary.Reports.Length);
        Assert.All(summary.Reports, report =>
            Assert.True(report.Success && report.ResultStatistics is { N: > 0 }, $"{report.BenchmarkCase.DisplayInfo} did not run"));
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);
}
