using System.Diagnostics.Metrics;
using DroneDelivery.Bench.Load;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// One of the hosts' lag histograms (seconds from a fix's own timestamp to a stage of its path),
/// read by listening in this process and recorded into a window in milliseconds.
/// Only the given host's meter counts: the process holds other hosts with the same meter.
/// </summary>
public sealed class LagListener : IDisposable
{
    private readonly MeterListener _listener = new();

    public LagListener(IMeterFactory host, string instrumentName, ArrivalWindow window)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (HostInstrument.Is(instrument, host, instrumentName))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => window.Record(seconds * 1000));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();
}
