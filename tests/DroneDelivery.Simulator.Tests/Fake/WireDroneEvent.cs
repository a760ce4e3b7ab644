namespace DroneDelivery.Simulator.Tests.Fake;

public enum WireDroneEvent
{
    PickedUp,
    Delivered,
    Fault,
}
