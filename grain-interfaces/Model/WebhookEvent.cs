namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// A stage change as its webhook tells it. <see cref="Sequence"/> numbers a delivery's events from
/// 0 in the order they happened; it makes the event id, so a retry carries the same id.
/// </summary>
[GenerateSerializer, Immutable, Alias("WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DeliveryStage Stage,
    [property: Id(2)] DateTimeOffset? PickupEta,
    [property: Id(3)] DateTimeOffset? DeliveryEta,
    [property: Id(4)] DateTimeOffset At)
{
    /// <summary>Stable across retries, unique across deliveries: what a receiver dedupes on.</summary>
    public string EventId(string deliveryId) => $"{deliveryId}.{Sequence}";

    public bool IsFinal => Stage is DeliveryStage.Delivered or DeliveryStage.Cancelled or DeliveryStage.Failed;
}
