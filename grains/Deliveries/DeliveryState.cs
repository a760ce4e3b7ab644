using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Deliveries;

[GenerateSerializer, Alias("DeliveryState")]
public sealed class DeliveryState
{
    [Id(0)] public string OwnerId { get; set; } = "";
    [Id(1)] public DeliveryRequest? Request { get; set; }
    [Id(2)] public string PackageId { get; set; } = "";
    [Id(3)] public DeliveryStage Stage { get; set; }
    [Id(4)] public string? DroneId { get; set; }
    [Id(5)] public DateTimeOffset? PickupEta { get; set; }
    [Id(6)] public DateTimeOffset? DeliveryEta { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(9)] public string TrackingToken { get; set; } = "";
    [Id(10)] public List<Milestone> Milestones { get; set; } = [];
    [Id(11)] public Location? LastKnownLocation { get; set; }
}
