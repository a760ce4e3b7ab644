using System.Diagnostics.Metrics;
using DroneDelivery.ServiceDefaults.Observability;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>Live tracking's instruments on the gateway, on the same meter as the domain's.</summary>
internal sealed class TrackingMetrics
{
    private readonly Counter<long> _updatesReceived;
    private readonly Counter<long> _messagesSent;
    private readonly Histogram<double> _positionLag;

    private readonly Meter _meter;

    public TrackingMetrics(IMeterFactory meterFactory)
    {
        var meter = _meter = meterFactory.Create(ObservabilityExtensions.DroneDeliveryMeter);
        _updatesReceived = meter.CreateCounter<long>(
            "dronedelivery.push.updates_received", "{update}", "Delivery updates received from the grains for watched deliveries.");
        _messagesSent = meter.CreateCounter<long>(
            "dronedelivery.push.messages_sent", "{message}", "Tracking messages sent to clients, by kind; fewer than updates received when coalesced.");
        _positionLag = meter.CreateHistogram<double>(
            "dronedelivery.push.position_lag", "s", "Time from a drone's fix to its position message being handed to a watcher's connection: the whole path from drone to customer but the last hop, plus any offset of the drone's clock.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ObservabilityExtensions.FixLagBuckets });
    }

    public void ObserveWatchedDeliveries(Func<int> count) =>
        _meter.CreateObservableGauge(
            "dronedelivery.push.watched_deliveries", count, "{delivery}", "Deliveries with at least one watcher on this gateway.");

    public void UpdateReceived() => _updatesReceived.Add(1);

    public void Sent(string kind) => _messagesSent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A position sent <paramref name="lag"/> after its fix; a drone clock ahead of the gateway's counts as 0.</summary>
    public void PositionSent(TimeSpan lag)
    {
        Sent(TrackingSender.PositionMessage);
        _positionLag.Record(Math.Max(0, lag.TotalSeconds));
    }
}
