namespace DroneDelivery.Simulator.Flight;

/// <summary>
/// Where a drone is after one step of simulated time, as it reports it. The speed is its real
/// ground speed (metres per real second), 0 when parked, hovering or just arrived; the event is
/// the milestone reached in this step, if any, and the mission it is about.
/// </summary>
public sealed record FlightStep(
    GeoPoint Position,
    double SpeedMps,
    double HeadingDeg,
    double BatteryPct,
    FlightPhase Phase,
    FlightEvent? Event = null,
    MissionPlan? EventMission = null);
