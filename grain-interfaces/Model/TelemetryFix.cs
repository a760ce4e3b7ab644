namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>One position report of a drone, as drones publish it (JSON, camelCase). The stream carries fixes as a <see cref="TelemetryBatch"/>.</summary>
[GenerateSerializer, Immutable, Alias("TelemetryFix")]
public sealed record TelemetryFix(
    [property: Id(0)] string DroneId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] double Lat,
    [property: Id(3)] double Lon,
    [property: Id(4)] double Alt,
    [property: Id(5)] double SpeedMps,
    [property: Id(6)] double HeadingDeg,
    [property: Id(7)] double BatteryPct,
    [property: Id(8)] DroneEvent? Event = null)
{
    public Location Location => new(Lat, Lon, Alt);

    /// <summary>The fix without its drone id, as a <see cref="TelemetryBatch"/> holds it.</summary>
    public TelemetrySample Sample => new(At, Lat, Lon, Alt, SpeedMps, HeadingDeg, BatteryPct, Event);
}
