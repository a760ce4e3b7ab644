namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A drone as the live fleet map shows it: where, which way, and in what state.</summary>
[GenerateSerializer, Immutable, Alias("FleetDronePosition")]
public sealed record FleetDronePosition(
    [property: Id(0)] string DroneId,
    [property: Id(1)] Location Position,
    [property: Id(2)] double HeadingDeg,
    [property: Id(3)] DroneStatus Status,
    [property: Id(4)] DateTimeOffset At);
