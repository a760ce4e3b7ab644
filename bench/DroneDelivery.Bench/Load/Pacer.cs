using System.Diagnostics;

namespace DroneDelivery.Bench.Load;

/// <summary>
/// Hands out send times for a target rate shared by all workers: the n-th call may go at
/// start + n / rate. A worker that is late sends at once, so a target beyond what the system
/// answers turns into a closed loop, and the achieved rate shows the shortfall.
/// </summary>
public sealed class Pacer(double callsPerSecond)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _next = -1;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _next);
        var due = _start + (long)(n / callsPerSecond * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
