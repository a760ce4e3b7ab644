using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>How drones are chosen and how waiting deliveries retry. Section <c>DroneDelivery:Scheduling</c>.</summary>
public sealed class DeliverySchedulingOptions
{
    public const string SectionName = "DroneDelivery:Scheduling";

    /// <summary>Time a drone spends on the ground at the pickup. Default: 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PickupDwell { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a delivery with no drone tries again by reminder, as a backstop to being told
    /// when a drone frees up. Orleans reminders tick at most once a minute unless the silo's
    /// <c>DroneDelivery:Reminders:MinimumReminderPeriod</c> is lowered. Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rings of neighbouring cells searched after the pickup's own cell. Default: 1 (the 8 around it).</summary>
    [Range(0, 3)]
    public int SearchRings { get; set; } = 1;

    /// <summary>How many waiting deliveries are told at once that a drone became available. Default: 4.</summary>
    [Range(1, 100)]
    public int WakeWaitingPerDrone { get; set; } = 4;
}
