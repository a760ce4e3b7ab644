namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("DronePage")]
public sealed record DronePage(
    [property: Id(0)] IReadOnlyList<DroneDetails> Items,
    [property: Id(1)] string? ContinuationToken);
