namespace DroneDelivery.Simulator.Flight;

public enum FlightPhase
{
    /// <summary>At the home base with no mission, charging.</summary>
    Parked,

    /// <summary>Flying to the mission's pickup.</summary>
    ToPickup,

    /// <summary>Hovering at the pickup while the package is loaded.</summary>
    AtPickup,

    /// <summary>Carrying the package to the drop-off.</summary>
    ToDropoff,

    /// <summary>Flying back to the home base, after a delivery or a cancelled mission.</summary>
    ReturningHome,
}
