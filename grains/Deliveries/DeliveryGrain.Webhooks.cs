using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Deliveries;

/// <summary>
/// The delivery's side of its webhooks, for businesses that have one (asked once, at the request,
/// so the others cost nothing per stage). Each stage change is recorded as an event in the state
/// and so stored atomically with the stage; after the write the whole (short) list goes one-way
/// to the delivery's outbox, which sends what it has not seen. Should that message be lost, the
/// outbox's reminder reads the list from here.
/// </summary>
public sealed partial class DeliveryGrain
{
    /// <summary>Events the outbox was told of by this activation; a new activation tells them all again once.</summary>
    private int _webhookEventsTold;

    public async Task<IReadOnlyList<WebhookEvent>> GetWebhookEventsAsync() =>
        await state.RecordExistsAsync() ? [.. state.State.WebhookEvents] : [];

    /// <summary>Whether the business has a webhook; if so its outbox is readied before the first stage is stored.</summary>
    private async Task<bool> ExpectWebhooksAsync(string ownerId)
    {
        if (await GrainFactory.Reference<IBusinessGrain>(ownerId).GetWebhookAsync() is null)
        {
            return false;
        }

        await Outbox().ExpectAsync(ownerId);
        return true;
    }

    private void RecordWebhookEvent(DeliveryStage stage, DateTimeOffset at)
    {
        var s = state.State;
        if (s.HasWebhook)
        {
            s.WebhookEvents.Add(new WebhookEvent(s.WebhookEvents.Count, stage, s.PickupEta, s.DeliveryEta, at));
        }
    }

    /// <summary>Called once the state is stored: the outbox never hears of a stage that was not.</summary>
    private void NotifyWebhooks()
    {
        var events = state.State.WebhookEvents;
        if (!state.State.HasWebhook || events.Count <= _webhookEventsTold)
        {
            return;
        }

        Outbox().NotifyAsync([.. events]).Ignore();
        _webhookEventsTold = events.Count;
    }

    private IWebhookOutboxGrain Outbox() => GrainFactory.Reference<IWebhookOutboxGrain>(GrainKeys.WebhookOutbox(Id));
}
