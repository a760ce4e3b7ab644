using System.Diagnostics;

namespace DroneDelivery.Bench.Load;

/// <summary>
/// Messages pushed to many clients, each stamped with when it was made: counts those that arrive
/// inside the window (after the warm-up), with the latency from stamp to arrival. The senders and
/// the clients share this machine's clock, so the latency needs no clock sync.
/// </summary>
public sealed class ArrivalWindow
{
    private readonly Lock _lock = new();
    private readonly List<double> _latenciesMs = [];
    private long _start = long.MaxValue;
    private long _end = long.MinValue;

    /// <summary>Starts counting after <paramref name="warmup"/> from now, for <paramref name="duration"/>.</summary>
    public void Open(TimeSpan warmup, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        Volatile.Write(ref _end, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref _start, start);
    }

    /// <summary>A message stamped <paramref name="stampedAt"/> arrived at <paramref name="receivedAt"/> (both on this machine's clock).</summary>
    public void Record(DateTimeOffset stampedAt, DateTimeOffset receivedAt) => Record((receivedAt - stampedAt).TotalMilliseconds);

    /// <summary>Something arrived now, <paramref name="latencyMs"/> after it was stamped.</summary>
    public void Record(double latencyMs)
    {
        var now = Stopwatch.GetTimestamp();
        if (now < Volatile.Read(ref _start) || now > Volatile.Read(ref _end))
        {
            return;
        }

        lock (_lock)
        {
            _latenciesMs.Add(latencyMs);
        }
    }

    /// <summary>What arrived inside the window: messages per second and their latencies.</summary>
    public Measurement Measure(string name, string unit, TimeSpan duration)
    {
        List<double> latencies;
        lock (_lock)
        {
            latencies = [.. _latenciesMs];
        }

        return Measurement.From(name, unit, 0, 0, duration, latencies);
    }
}
