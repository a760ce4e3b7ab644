namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>What a drone is: how much it lifts, how fast and how far it flies, where it lives.</summary>
[GenerateSerializer, Immutable, Alias("DroneSpec")]
public sealed record DroneSpec(
    [property: Id(0)] string Model,
    [property: Id(1)] double MaxPayloadKg,
    [property: Id(2)] double CruiseSpeedMps,
    [property: Id(3)] double RangeKm,
    [property: Id(4)] Location HomeBase);
