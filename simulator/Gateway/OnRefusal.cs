namespace DroneDelivery.Simulator.Gateway;

/// <summary>What a call does when the gateway refuses it (a 4xx other than 408 and 429).</summary>
internal enum OnRefusal
{
    /// <summary>Log it and give up this call.</summary>
    GiveUp,

    /// <summary>Log it and retry with backoff: the caller can't go on without it.</summary>
    Retry,
}
