using System.Diagnostics.Metrics;
using DroneDelivery.ServiceDefaults.Observability;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Fixes the drone grains took in, read from the silo's own counter (the one <c>/metrics</c> exports
/// as <c>dronedelivery_telemetry_fixes_total</c>) by listening in this process. Only the bench
/// silo's meter counts: a process may hold other silos (the test host does) with the same meter.
/// </summary>
public sealed class FixCounter : IDisposable
{
    private const string InstrumentName = "dronedelivery.telemetry.fixes";

    private readonly MeterListener _listener = new();
    private long _total;

    public FixCounter(IMeterFactory siloMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ObservabilityExtensions.DroneDeliveryMeter && instrument.Name == InstrumentName && ReferenceEquals(instrument.Meter.Scope, siloMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
