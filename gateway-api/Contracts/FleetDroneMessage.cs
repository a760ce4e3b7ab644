using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>One drone on the live fleet map.</summary>
public sealed record FleetDroneMessage(string Id, double Lat, double Lon, double HeadingDeg, DroneStatus Status, DateTimeOffset At)
{
    public static FleetDroneMessage From(FleetDronePosition d) => new(d.DroneId, d.Position.Lat, d.Position.Lon, d.HeadingDeg, d.Status, d.At);
}
