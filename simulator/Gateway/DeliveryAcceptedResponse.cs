namespace DroneDelivery.Simulator.Gateway;

/// <summary>The part of the 202 answer to a delivery request the simulator uses.</summary>
public sealed record DeliveryAcceptedResponse(string? DeliveryId, string? Stage, string? TrackingUrl);
