namespace DroneDelivery.ServiceDefaults.Streaming;

/// <summary>Why a telemetry event read from Event Hubs was skipped.</summary>
public enum TelemetryRejection
{
    /// <summary>Not JSON, not a fix or an array of fixes, a field missing or of the wrong type.</summary>
    Malformed,

    /// <summary>A fix without a drone id, or with a blank one.</summary>
    MissingDroneId,

    /// <summary>An array holding fixes of more than one drone: one event feeds one drone's stream.</summary>
    MixedDrones,

    /// <summary>A value outside its range: latitude, longitude, battery, speed or heading.</summary>
    OutOfRange,

    /// <summary>An empty body or an empty array.</summary>
    Empty,

    /// <summary>A body larger than <see cref="TelemetryJson.MaxBodyBytes"/>.</summary>
    TooLarge,
}
