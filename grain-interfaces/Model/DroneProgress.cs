namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// A drone's report to the delivery it carries, sent on every fix and on every change of phase.
/// <see cref="DistanceKm"/> is the distance flown on the mission since its first fix, counted by
/// the drone in fix order, so the delivery's figure does not depend on the order reports arrive in.
/// </summary>
[GenerateSerializer, Immutable, Alias("DroneProgress")]
public sealed record DroneProgress(
    [property: Id(0)] string DroneId,
    [property: Id(1)] DroneProgressKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Location Location,
    [property: Id(4)] DateTimeOffset? PickupEta,
    [property: Id(5)] DateTimeOffset? DeliveryEta,
    [property: Id(6)] string? Reason = null,
    [property: Id(7)] double HeadingDeg = 0,
    [property: Id(8)] double SpeedMps = 0,
    [property: Id(9)] double? DistanceKm = null);
