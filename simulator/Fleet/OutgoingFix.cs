using DroneDelivery.Simulator.Gateway;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>A fix on its way to the gateway, and the confirmation to send after it, if any.</summary>
public sealed record OutgoingFix(TelemetryFixDto Fix, PendingConfirmation? Confirmation = null);
