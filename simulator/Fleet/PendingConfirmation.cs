using DroneDelivery.Simulator.Gateway;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>A confirmation to post once the Delivered fix it belongs to has been accepted.</summary>
public sealed record PendingConfirmation(string DeliveryId, ConfirmationRequest Request);
