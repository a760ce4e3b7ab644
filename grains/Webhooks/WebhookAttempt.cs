namespace DroneDelivery.Grains.Webhooks;

/// <summary>How one attempt at a webhook went.</summary>
public enum WebhookOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Sent,

    /// <summary>No 2xx (an error status, a redirect, a refused or timed-out connection): try again later.</summary>
    Failed,

    /// <summary>The URL is not allowed under the current settings: trying again cannot help.</summary>
    Refused,
}

public sealed record WebhookAttempt(WebhookOutcome Outcome, string Detail);
