using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>One position report, exactly as drones publish it.</summary>
public sealed record TelemetryFixDto
{
    /// <example>sim-001</example>
    public string? DroneId { get; init; }

    /// <summary>When the fix was taken (UTC).</summary>
    public DateTimeOffset? At { get; init; }

    /// <example>47.6097</example>
    public double? Lat { get; init; }

    /// <example>-122.3331</example>
    public double? Lon { get; init; }

    /// <summary>Altitude in metres.</summary>
    /// <example>120</example>
    public double? Alt { get; init; }

    /// <summary>Ground speed in metres per second.</summary>
    /// <example>15</example>
    public double? SpeedMps { get; init; }

    /// <summary>Heading in degrees clockwise from north, 0 to 360.</summary>
    /// <example>270</example>
    public double? HeadingDeg { get; init; }

    /// <summary>Charge left, 0 to 100.</summary>
    /// <example>82.5</example>
    public double? BatteryPct { get; init; }

    /// <summary>PickedUp, Delivered or Fault, when one happened at this fix.</summary>
    public DroneEvent? Event { get; init; }

    public TelemetryFix ToModel() => new(
        DroneId!, At!.Value.ToUniversalTime(), Lat!.Value, Lon!.Value, Alt ?? 0, SpeedMps ?? 0, HeadingDeg ?? 0, BatteryPct!.Value, Event);
}
