namespace DroneDelivery.Simulator.Flight;

/// <summary>
/// What a drone was told to do: carry one delivery from its pickup to its drop-off, and capture
/// <see cref="ConfirmationRequired"/> there (as the gateway names it; <c>None</c> or null for nothing).
/// <see cref="PickupEta"/> is planned afresh with each assignment, so it tells a new assignment of
/// a delivery from the one the drone already flew.
/// </summary>
public sealed record MissionPlan(string DeliveryId, GeoPoint Pickup, GeoPoint Dropoff, string? ConfirmationRequired = null, DateTimeOffset? PickupEta = null)
{
    public bool NeedsConfirmation =>
        !string.IsNullOrEmpty(ConfirmationRequired) && !string.Equals(ConfirmationRequired, "None", StringComparison.OrdinalIgnoreCase);
}
