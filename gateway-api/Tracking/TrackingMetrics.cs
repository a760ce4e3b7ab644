using System.Diagnostics.Metrics;
using DroneDelivery.ServiceDefaults.Observability;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>Live tracking's instruments on the gateway, on the same meter as the domain's.</summary>
internal sealed class TrackingMetrics
{
    private readonly Counter<long> _updatesReceived;
    private readonly Counter<long> _messagesSent;

    private readonly Meter _meter;

    public TrackingMetrics(IMeterFactory meterFactory)
    {
        var meter = _meter = meterFactory.Create(ObservabilityExtensions.DroneDeliveryMeter);
        _updatesReceived = meter.CreateCounter<long>(
            "dronedelivery.push.updates_received", "{update}", "Delivery updates received from the grains for watched deliveries.");
        _messagesSent = meter.CreateCounter<long>(
            "dronedelivery.push.messages_sent", "{message}", "Tracking messages sent to clients, by kind; fewer than updates received when coalesced.");
    }

    public void ObserveWatchedDeliveries(Func<int> count) =>
        _meter.CreateObservableGauge(
            "dronedelivery.push.watched_deliveries", count, "{delivery}", "Deliveries with at least one watcher on this gateway.");

    public void UpdateReceived() => _updatesReceived.Add(1);

    public void Sent(string kind) => _messagesSent.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
