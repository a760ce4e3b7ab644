namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Alias("DeliveryStage")]
public enum DeliveryStage
{
    Requested,
    AwaitingDrone,
    Scheduled,
    HeadedToPickup,
    HeadedToDropoff,
    Delivered,
    Cancelled,
    Failed,
}
