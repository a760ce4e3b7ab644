namespace DroneDelivery.Grains.Webhooks;

/// <summary>
/// The body of a webhook. The contract's fields, plus <see cref="EventId"/> (the same on every
/// retry, for the receiver's dedupe) and <see cref="SentAt"/> (this attempt's time, so a captured
/// request replayed later is recognisably old). Both are inside the signed body.
/// </summary>
internal sealed record WebhookPayload(
    string EventId,
    string DeliveryId,
    string Stage,
    DateTimeOffset? PickupEta,
    DateTimeOffset? DeliveryEta,
    DateTimeOffset At,
    DateTimeOffset SentAt);
