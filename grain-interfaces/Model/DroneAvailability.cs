namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// What a drone tells the scheduler of its cell. <see cref="Revision"/> grows with every change of
/// the drone, so a scheduler can drop a report that arrives after a newer one.
/// <see cref="Watched"/>: the drone is on a mission, flying home, or has reports its delivery has
/// not yet settled; the cell's watch wakes such a drone should its silo be lost.
/// </summary>
[GenerateSerializer, Immutable, Alias("DroneAvailability")]
public sealed record DroneAvailability(
    [property: Id(0)] string DroneId,
    [property: Id(1)] DroneSpec Spec,
    [property: Id(2)] Location Position,
    [property: Id(3)] double BatteryPct,
    [property: Id(4)] bool IsAvailable,
    [property: Id(5)] long Revision,
    [property: Id(6)] DroneStatus Status = DroneStatus.Available,
    [property: Id(7)] bool Watched = false);
