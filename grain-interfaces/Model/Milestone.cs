namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A stage the delivery reached, when, and where if known.</summary>
[GenerateSerializer, Immutable, Alias("Milestone")]
public sealed record Milestone(
    [property: Id(0)] DeliveryStage Stage,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Location? Location,
    [property: Id(3)] string? Note);
