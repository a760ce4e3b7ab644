using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

[GenerateSerializer, Alias("DroneState")]
public sealed class DroneState
{
    [Id(0)] public DroneSpec? Spec { get; set; }
    [Id(1)] public DroneStatus Status { get; set; }
    [Id(2)] public Location? Position { get; set; }
    [Id(3)] public double BatteryPct { get; set; }
    [Id(4)] public Mission? Mission { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Grows with every change, so schedulers can order the reports they receive.</summary>
    [Id(6)] public long Revision { get; set; }

    /// <summary>The key of the cell whose roster holds this drone.</summary>
    [Id(7)] public string? HomeCell { get; set; }

    /// <summary>At the drop-off, waiting for the proof of delivery before it may leave.</summary>
    [Id(8)] public bool AwaitingConfirmation { get; set; }

    /// <summary>Time of the newest fix applied; older ones are ignored.</summary>
    [Id(9)] public DateTimeOffset? LastFixAt { get; set; }

    /// <summary>An operator took the drone out of service; it finishes its mission first, then stays in Maintenance.</summary>
    [Id(10)] public bool MaintenanceRequested { get; set; }

    /// <summary>Retired from the fleet: out of the scheduler and the fleet list, its record kept for history.</summary>
    [Id(11)] public bool Retired { get; set; }

    /// <summary>
    /// The last changes of phase reported to deliveries, newest last, stored with the change
    /// itself: a report is sent one-way after the write, and a delivery that missed it asks again.
    /// </summary>
    [Id(12)] public List<MissionReport> Reports { get; set; } = [];

    /// <summary>Distance flown on the current mission since its first fix; null until that fix.</summary>
    [Id(13)] public double? MissionDistanceKm { get; set; }

    /// <summary>
    /// Deliveries this drone reported the end of its part to (arrival at the drop-off, or giving
    /// it up) that have not yet said they stored it; the drone asks them until they do.
    /// </summary>
    [Id(14)] public List<string> UnsettledDeliveries { get; set; } = [];
}
