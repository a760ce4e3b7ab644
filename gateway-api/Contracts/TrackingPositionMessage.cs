using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>The <c>position</c> message of the tracking hub: where the delivery's drone is.</summary>
public sealed record TrackingPositionMessage(
    string DeliveryId, string DroneId, double Lat, double Lon, double Alt, double HeadingDeg, double SpeedMps, DateTimeOffset At)
{
    public static TrackingPositionMessage From(string deliveryId, TrackedPosition p) =>
        new(deliveryId, p.DroneId, p.Location.Lat, p.Location.Lon, p.Location.Alt, p.HeadingDeg, p.SpeedMps, p.At);
}
