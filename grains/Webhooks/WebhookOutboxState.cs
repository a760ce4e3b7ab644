using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Webhooks;

[GenerateSerializer, Alias("WebhookOutboxState")]
public sealed class WebhookOutboxState
{
    /// <summary>The business whose webhook the events go to.</summary>
    [Id(0)] public string OwnerId { get; set; } = "";

    /// <summary>Events taken in and neither sent nor given up, oldest first; only the first is ever in flight.</summary>
    [Id(1)] public List<WebhookEvent> Pending { get; set; } = [];

    /// <summary>Sequence of the next event to take in: every earlier one is pending, sent or given up.</summary>
    [Id(2)] public int NextSequence { get; set; }

    /// <summary>The delivery's final stage was taken in: no event will follow it.</summary>
    [Id(3)] public bool SawFinal { get; set; }

    /// <summary>Failed attempts at the first pending event.</summary>
    [Id(4)] public int FailedAttempts { get; set; }

    /// <summary>When the first pending event may be tried again; null: at once.</summary>
    [Id(5)] public DateTimeOffset? NextAttemptAt { get; set; }
}
