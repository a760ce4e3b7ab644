namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>One element of the body of <c>POST /api/telemetry</c>.</summary>
public sealed record WireFix(
    string DroneId,
    DateTimeOffset At,
    double Lat,
    double Lon,
    double Alt,
    double SpeedMps,
    double HeadingDeg,
    double BatteryPct,
    WireDroneEvent? Event = null);
