using DroneDelivery.GatewayApi.Contracts;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>The messages one connection is due for one delivery: either or both may be null.</summary>
internal sealed record TrackingSend(WatcherCursor Cursor, TrackingStatusMessage? Status, TrackingPositionMessage? Position);
