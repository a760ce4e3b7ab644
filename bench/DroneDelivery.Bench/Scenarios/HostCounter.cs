using System.Diagnostics.Metrics;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// One of a host's counters, summed by listening in this process: the figure its <c>/metrics</c>
/// exports (e.g. the silo's <c>dronedelivery.telemetry.fixes</c>, fixes the drone grains took in),
/// optionally only the measurements carrying one tag value.
/// </summary>
public sealed class HostCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public HostCounter(IMeterFactory host, string instrumentName, (string Key, string Value)? onlyTag = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (HostInstrument.Is(instrument, host, instrumentName))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (onlyTag is not { } only || HasTag(tags, only.Key, only.Value))
            {
                Interlocked.Add(ref _total, value);
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string == value;
            }
        }

        return false;
    }
}
