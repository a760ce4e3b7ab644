namespace DroneDelivery.Bench.Scenarios;

/// <summary>A scheduled delivery of the fan-out scenario: what a customer tracks it by, and the drone whose fixes move it.</summary>
/// <param name="DeliveryId">The delivery, as the 202 answer named it.</param>
/// <param name="TrackingToken">The customer's token for the tracking hub's <c>Track</c>.</param>
/// <param name="DroneId">The drone assigned within the request.</param>
/// <param name="Path">Where that drone reports itself, tick after tick.</param>
public sealed record TrackedDelivery(string DeliveryId, string TrackingToken, string DroneId, FixPath Path);
