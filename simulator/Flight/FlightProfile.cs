namespace DroneDelivery.Simulator.Flight;

/// <summary>How a simulated drone flies, and how fast simulated time runs.</summary>
public sealed record FlightProfile
{
    /// <summary>Cruise speed in metres per simulated second.</summary>
    public double CruiseSpeedMps { get; init; } = 15;

    /// <summary>Distance a full battery lasts, in kilometres.</summary>
    public double RangeKm { get; init; } = 40;

    /// <summary>Charge gained per simulated minute at the home base, in percent.</summary>
    public double ChargePctPerMinute { get; init; } = 10;

    /// <summary>Simulated seconds spent hovering at the pickup before the package is on board.</summary>
    public double PickupDwellSeconds { get; init; } = 60;

    /// <summary>Simulated seconds per real second.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Altitude between the end points of a leg, in metres (a little under the usual 120 m ceiling).</summary>
    public double CruiseAltitudeM { get; init; } = 100;

    /// <summary>
    /// The speed a drone reports: its real ground speed, metres per real second. The backend
    /// computes ETAs from it and from real timestamps, so they stay right at any time scale.
    /// </summary>
    public double ReportedCruiseSpeedMps => CruiseSpeedMps * TimeScale;
}
