namespace DroneDelivery.Simulator.Tests.Fake;

public enum WireConfirmationType
{
    None,
    FingerPrint,
    Picture,
    Voice,
}
