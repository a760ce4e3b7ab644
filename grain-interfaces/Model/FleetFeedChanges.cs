namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// What changed in a cell's fleet feed since a version. <see cref="Full"/> means the reader's
/// version belonged to another activation of the feed (<see cref="Epoch"/>), so this is the whole
/// cell and the reader replaces what it had of it.
/// </summary>
[GenerateSerializer, Immutable, Alias("FleetFeedChanges")]
public sealed record FleetFeedChanges(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Full,
    [property: Id(3)] IReadOnlyList<FleetDronePosition> Drones,
    [property: Id(4)] IReadOnlyList<string> Removed);
