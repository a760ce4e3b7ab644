using System.Diagnostics;

namespace DroneDelivery.Bench.Load;

/// <summary>
/// What this process spent between two moments: bytes allocated, CPU time, garbage collections
/// of each generation and the time the runtime held every thread for them. The process holds the
/// silo, the gateway and the load generator, so these are compared between runs, not read as the
/// product's cost alone.
/// </summary>
public sealed record ProcessSample(long AllocatedBytes, TimeSpan Cpu, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public static ProcessSample Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(
            GC.GetTotalAllocatedBytes(precise: true),
            process.TotalProcessorTime,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration());
    }

    /// <summary>What was spent from <paramref name="start"/> until now.</summary>
    public static ProcessSample Since(ProcessSample start)
    {
        var now = Now();
        return new(
            now.AllocatedBytes - start.AllocatedBytes,
            now.Cpu - start.Cpu,
            now.Gen0 - start.Gen0,
            now.Gen1 - start.Gen1,
            now.Gen2 - start.Gen2,
            now.GcPause - start.GcPause);
    }

    /// <summary>
    /// The collections' figures over a window of <paramref name="window"/>: how many a second, the
    /// share of the window the runtime held every thread, and the mean pause. Every collection
    /// also collects generation 0, so the gen0 count is of all of them, and the mean is over all.
    /// </summary>
    public void AddCollectionRatios(IDictionary<string, double> ratios, TimeSpan window)
    {
        ratios["gen0-collections-per-second"] = Math.Round(Gen0 / window.TotalSeconds, 1);
        ratios["gen1-collections-per-second"] = Math.Round(Gen1 / window.TotalSeconds, 2);
        ratios["gen2-collections"] = Gen2;
        ratios["gc-pause-share"] = Math.Round(GcPause / window, 4);
        ratios["gc-mean-pause-ms"] = Gen0 > 0 ? Math.Round(GcPause.TotalMilliseconds / Gen0, 1) : 0;
    }
}
