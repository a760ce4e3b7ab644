namespace DroneDelivery.Simulator.Gateway;

/// <summary>What a fix can report besides a position.</summary>
public enum TelemetryEvent
{
    PickedUp,
    Delivered,
    Fault,
}
