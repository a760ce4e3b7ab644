namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>Body of <c>POST /api/deliveries/{id}/confirmations</c>.</summary>
public sealed record WireConfirmation(WireConfirmationType Type, Uri BlobUri, DateTimeOffset At, WireLocation Location);
