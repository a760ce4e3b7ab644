using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.GatewayApi.RateLimiting;

/// <summary>How fast one caller may go. Section <c>DroneDelivery:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "DroneDelivery:RateLimits";

    /// <summary>Requests per second one API key may make on average. Default: 100.</summary>
    [Range(1, 1_000_000)]
    public int PerKeyPerSecond { get; set; } = 100;

    /// <summary>Requests one API key may make at once before the average applies. Default: 200.</summary>
    [Range(1, 1_000_000)]
    public int PerKeyBurst { get; set; } = 200;

    /// <summary>
    /// Requests per second from one client address, whatever the key: it bounds a caller that
    /// invents keys, and anonymous callers (tracking pages, registration). Default: 200.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PerAddressPerSecond { get; set; } = 200;

    /// <summary>Requests one client address may make at once. Default: 400.</summary>
    [Range(1, 1_000_000)]
    public int PerAddressBurst { get; set; } = 400;

    /// <summary>Business registrations per client address per minute: each one creates an account. Default: 10.</summary>
    [Range(1, 1_000_000)]
    public int RegistrationsPerAddressPerMinute { get; set; } = 10;
}
