using System.Diagnostics;

namespace DroneDelivery.Bench.Load;

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers each start the next operation as soon as the last
/// one answers. Only operations that end inside the window (after the warm-up) count: throughput is
/// completions per second, so slow operations straddling the window's edges are neither lost nor
/// counted twice, and the cold start stays out of the rate and the percentiles.
/// </summary>
public static class ClosedLoop
{
    /// <summary>
    /// Runs <c>operation</c> (given the worker's index; exceptions count as errors) from every worker.
    /// <c>pace</c>, if given, waits before each operation for a target rate; <c>operationsPerCall</c>
    /// counts a call as that many operations (a batch).
    /// </summary>
    public static async Task<Measurement> RunAsync(
        string name, string unit, int concurrency, TimeSpan warmup, TimeSpan duration,
        Func<int, CancellationToken, Task<Outcome>> operation, Func<CancellationToken, Task>? pace = null, int operationsPerCall = 1)
    {
        var begin = Stopwatch.GetTimestamp();
        var windowStart = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var stop = new CancellationTokenSource(warmup + duration);
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => WorkAsync(i))).ToArray();
        var tallies = await Task.WhenAll(workers);

        var latencies = tallies.SelectMany(t => t.Latencies).ToList();
        return Measurement.From(
            name, unit,
            tallies.Sum(t => t.Marked) * operationsPerCall,
            tallies.Sum(t => t.Errors),
            duration,
            latencies,
            operations: (long)latencies.Count * operationsPerCall);

        async Task<Tally> WorkAsync(int worker)
        {
            var tally = new Tally();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (pace is not null)
                    {
                        await pace(stop.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                Outcome outcome;
                try
                {
                    // Not cancelled at the window's end: the operation finishes and is then left out.
                    outcome = await operation(worker, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or OrleansException or TimeoutException)
                {
                    outcome = Outcome.Error;
                }

                var ended = Stopwatch.GetTimestamp();
                if (ended < windowStart || ended > windowEnd)
                {
                    continue;
                }

                if (outcome == Outcome.Error)
                {
                    tally.Errors++;
                }
                else
                {
                    tally.Latencies.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
                    tally.Marked += outcome == Outcome.Marked ? 1 : 0;
                }
            }

            return tally;
        }
    }

    private sealed class Tally
    {
        public List<double> Latencies { get; } = [];

        public long Marked { get; set; }

        public long Errors { get; set; }
    }
}
