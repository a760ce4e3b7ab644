namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// What a drone knows of one delivery: whether it still holds its mission, and the changes of
/// phase it reported for it, oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("MissionReports")]
public sealed record MissionReports(
    [property: Id(0)] bool HoldsMission,
    [property: Id(1)] IReadOnlyList<DroneProgress> Reports);
