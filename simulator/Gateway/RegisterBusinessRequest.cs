namespace DroneDelivery.Simulator.Gateway;

/// <summary>Body of <c>POST /api/businesses</c>.</summary>
public sealed record RegisterBusinessRequest(string Name);
