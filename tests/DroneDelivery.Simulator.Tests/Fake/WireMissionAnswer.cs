namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>Answer of <c>GET /api/drones/{id}/mission</c>; <c>mission</c> is written out as null when there is none.</summary>
public sealed record WireMissionAnswer(string DroneId, long Version, string Status, WireLocation HomeBase, WireMission? Mission);
