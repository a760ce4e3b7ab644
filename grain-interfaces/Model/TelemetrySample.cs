namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// One fix of a <see cref="TelemetryBatch"/>: a <see cref="TelemetryFix"/> without its drone id,
/// which the batch holds once. A value, so reading a batch makes one array, not an object per fix.
/// </summary>
public readonly record struct TelemetrySample(
    DateTimeOffset At,
    double Lat,
    double Lon,
    double Alt,
    double SpeedMps,
    double HeadingDeg,
    double BatteryPct,
    DroneEvent? Event = null)
{
    public Location Location => new(Lat, Lon, Alt);

    public TelemetryFix ToFix(string droneId) => new(droneId, At, Lat, Lon, Alt, SpeedMps, HeadingDeg, BatteryPct, Event);
}
