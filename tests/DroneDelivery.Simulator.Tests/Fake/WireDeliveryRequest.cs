namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>The part of the body of <c>POST /api/deliveryrequests</c> the simulator may send.</summary>
public sealed record WireDeliveryRequest(string? DeliveryId, WireLocation Pickup, WireLocation Dropoff, WirePackage Package);
