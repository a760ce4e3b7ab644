using System.ComponentModel.DataAnnotations;
using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator;

/// <summary>The simulated fleet and the gateway it flies for. Section <c>DroneDelivery:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "DroneDelivery:Simulator";

    /// <summary>Base URL of the gateway's public API. Default: <c>http://127.0.0.1:8080</c>.</summary>
    [Required, Url]
    public string GatewayUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>An operator key (the gateway's <c>DroneDelivery:Operator:ApiKeys</c>), sent as <c>X-Api-Key</c>. Required.</summary>
    [Required(ErrorMessage = "DroneDelivery:Simulator:ApiKey is required: an operator key of the gateway.")]
    [MinLength(16, ErrorMessage = "DroneDelivery:Simulator:ApiKey must be at least 16 characters, like every operator key.")]
    public string ApiKey { get; set; } = "";

    /// <summary>Drones in the fleet. Default: 20.</summary>
    [Range(0, 10_000)]
    public int DroneCount { get; set; } = 20;

    /// <summary>Drone ids are <c>{prefix}-{n:D3}</c>, e.g. <c>sim-001</c>. Default: <c>sim</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,50}$")]
    public string DroneIdPrefix { get; set; } = "sim";

    /// <summary>Latitude of the fleet's centre. Default: 47.6062 (Seattle).</summary>
    [Range(-85.0, 85.0)]
    public double CenterLat { get; set; } = 47.6062;

    /// <summary>Longitude of the fleet's centre. Default: -122.3321 (Seattle).</summary>
    [Range(-180.0, 180.0)]
    public double CenterLon { get; set; } = -122.3321;

    /// <summary>Home bases, and demo pickups and drop-offs, lie within this distance of the centre. Default: 6 km.</summary>
    [Range(1.0, 500.0)]
    public double RadiusKm { get; set; } = 6;

    /// <summary>Time scale: simulated seconds per real second. Also <c>--speed</c> on the command line. Default: 1.</summary>
    [Range(0.1, 1000.0)]
    public double Speed { get; set; } = 1;

    /// <summary>Real seconds between two fixes of a flying drone. Default: 1.</summary>
    [Range(0.05, 60.0)]
    public double FixIntervalSeconds { get; set; } = 1;

    /// <summary>Real seconds between two fixes of a drone parked at its base. Default: 5.</summary>
    [Range(0.05, 3600.0)]
    public double IdleFixIntervalSeconds { get; set; } = 5;

    /// <summary>Simulated seconds a drone hovers at the pickup while the package is loaded. Default: 60.</summary>
    [Range(0.0, 3600.0)]
    public double PickupDwellSeconds { get; set; } = 60;

    /// <summary>Model name the drones register with. Default: <c>FD-400 Sim</c>.</summary>
    [Required, StringLength(100)]
    public string Model { get; set; } = "FD-400 Sim";

    /// <summary>Heaviest package a drone lifts, in kilograms. Default: 5.</summary>
    [Range(0.01, 100.0)]
    public double MaxPayloadKg { get; set; } = 5;

    /// <summary>Cruise speed in metres per simulated second. Default: 15.</summary>
    [Range(0.1, 100.0)]
    public double CruiseSpeedMps { get; set; } = 15;

    /// <summary>Distance a full battery lasts, in kilometres. Default: 40.</summary>
    [Range(0.1, 1000.0)]
    public double RangeKm { get; set; } = 40;

    /// <summary>Charge gained per simulated minute at the home base, in percent. Default: 10.</summary>
    [Range(0.01, 100.0)]
    public double ChargePctPerMinute { get; set; } = 10;

    /// <summary>Demo delivery requests per simulated minute, from a business the simulator registers. Default: 0 (off).</summary>
    [Range(0.0, 600.0)]
    public double DemoDeliveriesPerMinute { get; set; }

    /// <summary>
    /// A local file the demo appends each demo delivery's tracking link to, newest last, so a
    /// developer can open the tracking page. Links carry tracking tokens, so they never go to the
    /// log. Default: none.
    /// </summary>
    public string? DemoTrackingLinksFile { get; set; }

    public GeoPoint Center => new(CenterLat, CenterLon);

    public FlightProfile ToFlightProfile() => new()
    {
        CruiseSpeedMps = CruiseSpeedMps,
        RangeKm = RangeKm,
        ChargePctPerMinute = ChargePctPerMinute,
        PickupDwellSeconds = PickupDwellSeconds,
        TimeScale = Speed,
    };
}
