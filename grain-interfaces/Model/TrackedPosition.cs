namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>Where the drone of a delivery was at <see cref="At"/>, and where it was heading.</summary>
[GenerateSerializer, Immutable, Alias("TrackedPosition")]
public sealed record TrackedPosition(
    [property: Id(0)] string DroneId,
    [property: Id(1)] Location Location,
    [property: Id(2)] double HeadingDeg,
    [property: Id(3)] double SpeedMps,
    [property: Id(4)] DateTimeOffset At);
