using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.Grains.Tracking;

/// <summary>How deliveries keep their watchers. Section <c>DroneDelivery:Tracking</c>.</summary>
public sealed class DeliveryTrackingOptions
{
    public const string SectionName = "DroneDelivery:Tracking";

    /// <summary>
    /// How long a gateway stays subscribed to a delivery without renewing. A gateway that died
    /// stops costing its deliveries anything after this; live gateways renew well within it.
    /// Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan WatchExpiry { get; set; } = TimeSpan.FromMinutes(1);
}
