namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>Something a drone reports along with a fix.</summary>
[GenerateSerializer, Alias("DroneEvent")]
public enum DroneEvent
{
    /// <summary>The package is on board.</summary>
    PickedUp,

    /// <summary>The package was left at the drop-off.</summary>
    Delivered,

    /// <summary>The drone can't go on with its mission.</summary>
    Fault,
}
