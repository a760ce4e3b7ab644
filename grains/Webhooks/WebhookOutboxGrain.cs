using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Diagnostics;
using DroneDelivery.Grains.Persistence;
using DroneDelivery.ServiceDefaults.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Webhooks;

/// <summary>
/// One delivery's webhooks on their way out. The delivery stores each event with the stage it
/// tells of, then tells this grain one-way; this grain stores what it took in and sends from a
/// timer of its own, so no HTTP ever runs in the delivery's turn. Events go strictly in order:
/// the next is not sent before the one ahead of it was sent or given up. A reminder, registered
/// before the delivery stored its first stage, stands behind it until the final event is out: it
/// wakes the outbox after a silo was lost, and reads the delivery's events in case a one-way
/// notification was lost with it. Once the final event is out, the outbox deletes its row.
/// </summary>
[GrainType("webhookoutbox")]
public sealed partial class WebhookOutboxGrain(
    [PersistentState("webhooks")] IPersistentState<WebhookOutboxState> state,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    DroneDeliveryMetrics metrics,
    ILogger<WebhookOutboxGrain> logger) : Grain, IWebhookOutboxGrain, IRemindable
{
    private const string Reminder = "webhooks";

    private IGrainTimer? _timer;

    private string DeliveryId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmTimer();
        return Task.CompletedTask;
    }

    public async Task ExpectAsync(string ownerId)
    {
        if (state.State.OwnerId != ownerId)
        {
            state.State.OwnerId = ownerId;
            await state.WriteOrDeactivateAsync(this);
        }

        var period = options.Value.ReminderPeriod;
        await this.RegisterOrUpdateReminder(Reminder, period, period);
    }

    public async Task NotifyAsync(IReadOnlyList<WebhookEvent> events)
    {
        // Nothing was expected: a stray message; the reminder, if any, knows better.
        if (state.RecordExists && TakeIn(events))
        {
            await state.WriteOrDeactivateAsync(this);
            ArmTimer();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await StopReminderAsync();
            return;
        }

        if (!state.State.SawFinal)
        {
            var stored = await GrainFactory.Reference<IDeliveryGrain>(DeliveryId).GetWebhookEventsAsync();
            if (stored.Count == 0)
            {
                // The delivery was never stored (its request failed after expecting webhooks): nothing will come.
                await StopReminderAsync();
                await state.ClearStateAsync();
                return;
            }

            if (TakeIn(stored))
            {
                LogCaughtUp(logger, DeliveryId, state.State.NextSequence);
                await state.WriteOrDeactivateAsync(this);
            }
        }

        if (state.State.Pending.Count == 0 && state.State.SawFinal)
        {
            await FinishAsync();
            return;
        }

        ArmTimer();
    }

    /// <summary>Appends the events not yet taken in; the delivery numbers them, so duplicates and repeats fall away.</summary>
    private bool TakeIn(IReadOnlyList<WebhookEvent> events)
    {
        var s = state.State;
        var before = s.NextSequence;
        foreach (var e in events.Where(e => e.Sequence >= s.NextSequence).OrderBy(e => e.Sequence))
        {
            s.Pending.Add(e);
            s.NextSequence = e.Sequence + 1;
            s.SawFinal |= e.IsFinal;
        }

        return s.NextSequence != before;
    }

    private void ArmTimer()
    {
        if (_timer is not null || state.State.Pending.Count == 0)
        {
            return;
        }

        var due = state.State.NextAttemptAt is { } next ? next - time.GetUtcNow() : TimeSpan.Zero;
        _timer = this.RegisterGrainTimer(SendPendingAsync, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Sends the pending events in order until one fails; that one waits for its backoff.</summary>
    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        // Disposed only once this callback is done: disposing a timer cancels the callback it is running.
        var fired = _timer;
        _timer = null;
        try
        {
            var s = state.State;
            while (s.Pending.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                if (s.NextAttemptAt > time.GetUtcNow())
                {
                    ArmTimer();
                    return;
                }

                var head = s.Pending[0];
                var target = await GrainFactory.Reference<IBusinessGrain>(s.OwnerId).GetWebhookAsync();
                var attempt = target is null
                    ? new WebhookAttempt(WebhookOutcome.Refused, "the business has no webhook")
                    : await sender.SendAsync(DeliveryId, head, target);
                Record(head, attempt);
                if (s.Pending.Count == 0 && s.SawFinal)
                {
                    await FinishAsync();
                    return;
                }

                await state.WriteOrDeactivateAsync(this);
            }
        }
        finally
        {
            fired?.Dispose();
        }
    }

    private void Record(WebhookEvent head, WebhookAttempt attempt)
    {
        var s = state.State;
        var eventId = head.EventId(DeliveryId);
        if (attempt.Outcome == WebhookOutcome.Sent)
        {
            metrics.WebhookAttempted(sent: true);
            LogSent(logger, DeliveryId, eventId, head.Stage, s.FailedAttempts + 1);
            Dequeue();
            return;
        }

        if (attempt.Outcome == WebhookOutcome.Failed)
        {
            metrics.WebhookAttempted(sent: false);
            s.FailedAttempts++;
            if (s.FailedAttempts < options.Value.MaxAttempts)
            {
                var wait = options.Value.BackoffAfter(s.FailedAttempts);
                s.NextAttemptAt = time.GetUtcNow() + wait;
                LogFailed(logger, DeliveryId, eventId, head.Stage, s.FailedAttempts, attempt.Detail, wait);
                return;
            }
        }

        metrics.WebhookGivenUp();
        LogGivenUp(logger, DeliveryId, eventId, head.Stage, s.FailedAttempts, attempt.Detail);
        Dequeue();
    }

    private void Dequeue()
    {
        state.State.Pending.RemoveAt(0);
        state.State.FailedAttempts = 0;
        state.State.NextAttemptAt = null;
    }

    /// <summary>
    /// The final event is out: the row goes, then the reminder. A late copy of a notification
    /// finds no outbox and is dropped. Should the delete fail, the reminder's next tick tries
    /// again; should the reminder stay, its next tick finds no row and removes itself.
    /// </summary>
    private async Task FinishAsync()
    {
        await state.ClearStateAsync();
        LogFinished(logger, DeliveryId);
        await StopReminderAsync();
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
