namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>Proof of delivery captured by the drone at the drop-off.</summary>
[GenerateSerializer, Immutable, Alias("Confirmation")]
public sealed record Confirmation(
    [property: Id(0)] ConfirmationType Type,
    [property: Id(1)] string? BlobUri,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Location? Location);
