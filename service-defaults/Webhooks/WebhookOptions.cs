using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.ServiceDefaults.Webhooks;

/// <summary>
/// How webhooks are sent, and where they may go. Section <c>DroneDelivery:Webhooks</c>, read by
/// silos (sending) and by the gateway (refusing URLs at registration).
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "DroneDelivery:Webhooks";

    /// <summary>Attempts at one event before it is given up and the next one is sent. Default: 8.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; each further failure doubles it. Default: 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts. Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one attempt may take, connect to last byte of the answer. Default: 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Period of the reminder that stands behind a delivery's pending webhooks, waking its outbox
    /// after a silo was lost. Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Lets webhooks go to loopback, private, link-local and other non-public addresses. Only for
    /// development and tests: in production it would let any business probe the cluster's own network.
    /// Default: false.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Accepts plain http webhook URLs. Only for development and tests. Default: false (https only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>The wait after <paramref name="failedAttempts"/> failures: doubling from the initial backoff, capped.</summary>
    public TimeSpan BackoffAfter(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var wait = InitialBackoff.TotalMilliseconds * Math.Pow(2, doublings);
        return TimeSpan.FromMilliseconds(Math.Min(wait, MaxBackoff.TotalMilliseconds));
    }
}
