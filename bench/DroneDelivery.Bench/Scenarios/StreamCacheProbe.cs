using System.Diagnostics.Metrics;
using DroneDelivery.ServiceDefaults.Observability;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// What the bench silo's stream caches hold now, from Orleans' own counters of what they added and
/// purged (messages) and allocated and released (bytes of their pooled blocks). Orleans reports the
/// caches' lengths only every few minutes, while these four move as it happens.
/// </summary>
public sealed class StreamCacheProbe : IDisposable
{

    private static readonly Dictionary<string, (int Slot, long Sign)> Counters = new(StringComparer.Ordinal)
    {
        ["orleans-streams-queue-cache-messages-added"] = (0, 1),
        ["orleans-streams-queue-cache-messages-purged"] = (0, -1),
        ["orleans-streams-queue-cache-memory-allocated"] = (1, 1),
        ["orleans-streams-queue-cache-memory-released"] = (1, -1),
    };

    private readonly MeterListener _listener = new();
    private readonly long[] _sums = new long[2];

    public StreamCacheProbe(IMeterFactory siloMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ObservabilityExtensions.OrleansMeter && Counters.ContainsKey(instrument.Name) && ReferenceEquals(instrument.Meter.Scope, siloMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            var (slot, sign) = Counters[instrument.Name];
            _sums[slot] += sign * value;
        });
        _listener.Start();
    }

    /// <summary>Messages and bytes the caches hold, summed over the silo's queues.</summary>
    public (long Messages, long Bytes) Read()
    {
        lock (_sums)
        {
            Array.Clear(_sums);
            _listener.RecordObservableInstruments();
            return (_sums[0], _sums[1]);
        }
    }

    public void Dispose() => _listener.Dispose();
}
