using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The webhooks of one delivery whose business has a webhook URL, on their way out: persisted,
/// sent in order, retried with backoff. Keyed by <see cref="GrainKeys.WebhookOutbox"/>.
/// </summary>
[Alias("IWebhookOutboxGrain")]
public interface IWebhookOutboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// The delivery will have webhooks for <paramref name="ownerId"/>. Called before the delivery
    /// stores its first stage, so a reminder already stands behind every event it will record.
    /// </summary>
    [Alias("Expect")]
    Task ExpectAsync(string ownerId);

    /// <summary>
    /// The delivery's events so far (it sends them all; the outbox takes in those it has not
    /// seen). One-way: the delivery never waits on its webhooks.
    /// </summary>
    [Alias("Notify"), OneWay]
    Task NotifyAsync(IReadOnlyList<WebhookEvent> events);
}
