namespace DroneDelivery.Simulator.Gateway;

/// <summary>
/// One element of the array <c>POST /api/telemetry</c> takes. <see cref="At"/> is real time (UTC)
/// and <see cref="SpeedMps"/> real ground speed, whatever the time scale.
/// </summary>
public sealed record TelemetryFixDto(
    string DroneId,
    DateTimeOffset At,
    double Lat,
    double Lon,
    double Alt,
    double SpeedMps,
    double HeadingDeg,
    double BatteryPct,
    TelemetryEvent? Event = null);
