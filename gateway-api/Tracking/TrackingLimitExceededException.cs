namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>A connection asked to watch more deliveries than <see cref="TrackingPushOptions.MaxDeliveriesPerConnection"/>.</summary>
internal sealed class TrackingLimitExceededException(int limit)
    : Exception($"A connection may watch at most {limit} deliveries at once.");
