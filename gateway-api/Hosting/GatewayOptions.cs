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
}
