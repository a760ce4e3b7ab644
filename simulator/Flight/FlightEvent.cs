namespace DroneDelivery.Simulator.Flight;

/// <summary>A milestone a drone reports along with the fix where it happened.</summary>
public enum FlightEvent
{
    PickedUp,
    Delivered,
}
