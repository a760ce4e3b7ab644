namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>The drone after registration, and whether this call created it.</summary>
[GenerateSerializer, Immutable, Alias("DroneRegistered")]
public sealed record DroneRegistered(
    [property: Id(0)] bool Created,
    [property: Id(1)] DroneDetails Drone);
