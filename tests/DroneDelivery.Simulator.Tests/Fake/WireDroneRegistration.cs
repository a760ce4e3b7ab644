namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>Body of <c>PUT /api/drones/{id}</c>, as the gateway's contract has it.</summary>
public sealed record WireDroneRegistration(string Model, double MaxPayloadKg, double CruiseSpeedMps, double RangeKm, WireLocation HomeBase);
