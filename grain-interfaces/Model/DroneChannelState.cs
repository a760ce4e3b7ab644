namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// What the drone-facing channel shows a drone: its mission (or none) and a version that changes
/// whenever the drone's mission or status does, so a long-poll knows when to answer.
/// </summary>
[GenerateSerializer, Immutable, Alias("DroneChannelState")]
public sealed record DroneChannelState(
    [property: Id(0)] string DroneId,
    [property: Id(1)] long Version,
    [property: Id(2)] DroneStatus Status,
    [property: Id(3)] Location HomeBase,
    [property: Id(4)] Mission? Mission);
