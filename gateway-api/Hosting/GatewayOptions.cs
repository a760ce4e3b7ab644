using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.GatewayApi.Hosting;

/// <summary>The gateway's own settings. Section <c>DroneDelivery:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "DroneDelivery:Gateway";

    /// <summary>
    /// Base of the links the API hands out (tracking URLs), e.g. <c>https://track.example.com</c>.
    /// Default: none, the scheme and host of the request are used.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body accepted; larger ones get 413. Default: 64 KiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Proxies (addresses, or networks such as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c>
    /// and <c>X-Forwarded-Proto</c> are believed, so rate limits and logs see the real client
    /// behind an ingress. Default: none; the header is ignored, since any client can send it.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
