namespace DroneDelivery.Simulator.Gateway;

/// <summary>Body of <c>PUT /api/drones/{id}</c>.</summary>
public sealed record RegisterDroneRequest(string Model, double MaxPayloadKg, double CruiseSpeedMps, double RangeKm, LocationDto HomeBase);
