using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.Grains.Drones;

/// <summary>How drones are followed in flight. Section <c>DroneDelivery:Drones</c>.</summary>
public sealed class DroneFlightOptions
{
    public const string SectionName = "DroneDelivery:Drones";

    /// <summary>A drone this close to the pickup or drop-off is there. Default: 30 m.</summary>
    [Range(1, 1000)]
    public double GeofenceMeters { get; set; } = 30;

    /// <summary>A drone farther than this from its base has taken off; closer, it is home. Default: 50 m.</summary>
    [Range(1, 1000)]
    public double HomeGeofenceMeters { get; set; } = 50;

    /// <summary>
    /// Position and battery are kept in memory and written at most this often, and no later than
    /// this after a fix (status changes are written at once). A drone with nothing left to write
    /// holds no timer. Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a drone's position goes to the live fleet map; changes of status go at once.
    /// Default: 2 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan FleetFeedInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A charging drone is available again at this charge. Default: 90%.</summary>
    [Range(1, 100)]
    public double ReadyBatteryPct { get; set; } = 90;

    /// <summary>Below this charge a drone abandons its mission and flies home. Default: 15%.</summary>
    [Range(0, 100)]
    public double ReserveBatteryPct { get; set; } = 15;

    /// <summary>
    /// A drone on a mission, or flying home, that sends no fix for this long is taken for lost: it
    /// becomes Offline, and its delivery is rescheduled (not yet picked up) or fails (picked up).
    /// Drones parked without a mission are not watched, so they may stay silent. The silence is
    /// checked by a timer while the drone is active; after the loss of its silo, the cell's watch
    /// (its scheduler's reminder, period: this, but at least Orleans' <c>MinimumReminderPeriod</c>)
    /// wakes the drone on another silo. Keep it well
    /// above the cluster's recovery from a lost silo (30 to 45 s measured by the soak), during
    /// which the fixes of drones whose stream queue was on that silo don't arrive; a shorter one
    /// fails deliveries whose drones are flying fine. Default: 90 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How often a drone on a mission, or with the end of one not yet settled, tells its delivery
    /// when it last reported to it, so a delivery that missed a one-way report asks for it. It
    /// bounds how long a report lost with a silo leaves a delivery behind. Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReportCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Below this reported speed the ETA uses the cruise speed instead (hovering, taking off). Default: 1 m/s.</summary>
    [Range(0, 100)]
    public double MinimumEtaSpeedMps { get; set; } = 1;
}
