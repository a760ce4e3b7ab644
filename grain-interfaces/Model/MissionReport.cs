namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A change of phase a drone reported for one delivery, kept by the drone so the delivery can ask for it again.</summary>
[GenerateSerializer, Immutable, Alias("MissionReport")]
public sealed record MissionReport(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] DroneProgress Progress);
