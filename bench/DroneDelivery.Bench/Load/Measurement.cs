namespace DroneDelivery.Bench.Load;

/// <summary>One measured phase: what completed inside the window, its rate, and its latencies.</summary>
/// <param name="Name">What was measured, e.g. <c>ingest</c> or <c>ceiling-noop</c>.</param>
/// <param name="Unit">What one operation is: <c>request</c>, <c>fix</c>, <c>upsert</c>, <c>grain call</c>.</param>
/// <param name="Operations">Operations that succeeded inside the window.</param>
/// <param name="Marked">Of those, the ones the scenario marks (ingest: answered <c>Scheduled</c>).</param>
/// <param name="Errors">Operations that failed or threw inside the window.</param>
/// <param name="Seconds">Length of the window.</param>
/// <param name="PerSecond">Operations per second of the window.</param>
/// <param name="MarkedPerSecond">Marked operations per second of the window.</param>
/// <param name="P50Ms">Median latency of one call (a batch counts once), in milliseconds.</param>
/// <param name="P95Ms">95th percentile latency, in milliseconds.</param>
/// <param name="P99Ms">99th percentile latency, in milliseconds.</param>
public sealed record Measurement(
    string Name,
    string Unit,
    long Operations,
    long Marked,
    long Errors,
    double Seconds,
    double PerSecond,
    double MarkedPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms)
{
    public static Measurement From(string name, string unit, long marked, long errors, TimeSpan window, List<double> latenciesMs, long? operations = null)
    {
        latenciesMs.Sort();
        var ops = operations ?? latenciesMs.Count;
        var seconds = Math.Max(window.TotalSeconds, 1e-9);
        return new Measurement(
            name, unit, ops, marked, errors, Math.Round(window.TotalSeconds, 3),
            Math.Round(ops / seconds, 1), Math.Round(marked / seconds, 1),
            Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.95), Percentile(latenciesMs, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 when nothing was measured.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
}
