using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>Live tracking on the gateway: how fast clients are fed, and the tracking page's map. Section <c>DroneDelivery:Tracking</c>.</summary>
public sealed class TrackingPushOptions
{
    public const string SectionName = "DroneDelivery:Tracking";

    /// <summary>
    /// Most <c>position</c> (and, separately, <c>status</c>) messages a connection receives per
    /// second. Faster updates are coalesced: the client gets the latest, never a backlog.
    /// Default: 4.
    /// </summary>
    [Range(1, 50)]
    public int MaxMessagesPerSecond { get; set; } = 4;

    /// <summary>How many deliveries one connection may watch at once. Default: 20.</summary>
    [Range(1, 1000)]
    public int MaxDeliveriesPerConnection { get; set; } = 20;

    /// <summary>
    /// Map tiles of the tracking page, a Leaflet URL template such as
    /// <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>. Default: none; the page draws a
    /// coordinate grid and works with no internet access.
    /// </summary>
    public string? TileUrlTemplate { get; set; }

    /// <summary>Attribution shown with the tiles, required by most tile providers. Default: none.</summary>
    public string? TileAttribution { get; set; }
}
