namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Alias("DroneStatus")]
public enum DroneStatus
{
    Available,
    Assigned,
    HeadedToPickup,
    HeadedToDropoff,
    Returning,
    Charging,
    Maintenance,
    Offline,
}
