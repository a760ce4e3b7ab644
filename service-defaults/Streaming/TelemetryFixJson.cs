using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.ServiceDefaults.Streaming;

/// <summary>
/// One fix as drones write it. Every field but <see cref="Event"/> is required, so a fix that
/// leaves out its latitude is refused rather than read as 0. The drone id may be missing here
/// only so that its absence is reported as such rather than as malformed JSON.
/// </summary>
internal sealed class TelemetryFixJson
{
    public string? DroneId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required double Lat { get; init; }

    public required double Lon { get; init; }

    public required double Alt { get; init; }

    public required double SpeedMps { get; init; }

    public required double HeadingDeg { get; init; }

    public required double BatteryPct { get; init; }

    public DroneEvent? Event { get; init; }

    public TelemetryFix ToModel() => new(DroneId ?? string.Empty, At, Lat, Lon, Alt, SpeedMps, HeadingDeg, BatteryPct, Event);
}
