namespace DroneDelivery.Simulator.Gateway;

/// <summary>
/// Delays between retries: doubling from <c>initial</c> up to <c>max</c>, with up to 20% jitter
/// so a fleet that failed together doesn't retry in lockstep. A server's Retry-After wins.
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    /// <summary>Longest Retry-After taken at its word; a larger one is probably a misconfiguration.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private int _failures;

    public int Failures => _failures;

    public TimeSpan NextDelay(TimeSpan? retryAfter = null)
    {
        var exponent = Math.Min(_failures, 20);
        _failures++;
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < MaxRetryAfter ? asked : MaxRetryAfter;
        }

        var delay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(delay * (1 + (0.2 * Random.Shared.NextDouble())));
#pragma warning restore CA5394
    }

    public void Reset() => _failures = 0;
}
