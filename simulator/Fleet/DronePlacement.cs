using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>A drone of the simulated fleet and where it is based.</summary>
public sealed record DronePlacement(string Id, GeoPoint Home);
