using DroneDelivery.GatewayApi.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A batch of fixes, of one drone or many.</summary>
public sealed record TelemetryInput([property: FromBody] TelemetryFixDto[] Fixes) : IValidatable
{
    public const int MaxFixes = 1000;

    /// <summary>How far ahead of the gateway's clock a fix's time may be (clock skew).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(1);

    /// <summary>Fixes older than this are history, not telemetry.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public void Validate(ValidationErrors errors)
    {
        if (Fixes.Length is 0 or > MaxFixes)
        {
            errors.Add("body", $"Send 1 to {MaxFixes} fixes per request.");
            return;
        }

        for (var i = 0; i < Fixes.Length; i++)
        {
            var fix = Fixes[i];
            var at = FieldPath.Item(i);
            if (fix is null)
            {
                errors.Add(at, "A fix is required.");
                continue;
            }

            errors.Required(at.Field("droneId"), fix.DroneId);
            errors.Id(at.Field("droneId"), fix.DroneId);
            errors.Required(at.Field("at"), fix.At);
            if (fix.At is { } time && (time > errors.Now + MaxFutureSkew || time < errors.Now - MaxAge))
            {
                errors.Add(at.Field("at"), "Must be within the last day and not in the future.");
            }

            errors.Location(at, fix.Lat, fix.Lon, fix.Alt);
            errors.Range(at.Field("speedMps"), fix.SpeedMps, 0, 1000);
            errors.Range(at.Field("headingDeg"), fix.HeadingDeg, 0, 360);
            errors.Required(at.Field("batteryPct"), fix.BatteryPct);
            errors.Range(at.Field("batteryPct"), fix.BatteryPct, 0, 100);
        }
    }
}
