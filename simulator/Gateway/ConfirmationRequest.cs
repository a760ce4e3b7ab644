namespace DroneDelivery.Simulator.Gateway;

/// <summary>
/// Body of <c>POST /api/deliveries/{id}/confirmations</c>: proof of the kind the mission asked for
/// (<c>FingerPrint</c>, <c>Picture</c> or <c>Voice</c>), captured at the drop-off.
/// </summary>
public sealed record ConfirmationRequest(string Type, Uri BlobUri, DateTimeOffset At, LocationDto Location);
