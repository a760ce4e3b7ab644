using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The scheduler of one region cell (<see cref="GrainKeys.Cell"/>): an in-memory index of the
/// drones based in the cell. Cells partition the world so no single grain sees every request.
/// </summary>
[Alias("ISchedulerGrain")]
public interface ISchedulerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Assigns the nearest drone of this cell that can lift the package and fly the whole trip,
    /// or returns null when none can. When none can, the delivery is remembered and told when a
    /// drone of the cell becomes available.
    /// </summary>
    [Alias("TrySchedule")]
    Task<Assignment?> TryScheduleAsync(ScheduleRequest request);

    /// <summary>A drone of this cell changed. One-way: a drone never waits on its scheduler.</summary>
    [Alias("UpdateDrone"), OneWay]
    Task UpdateDroneAsync(DroneAvailability availability);

    /// <summary>A drone left this cell (moved its home base or was retired).</summary>
    [Alias("RemoveDrone"), OneWay]
    Task RemoveDroneAsync(string droneId);

    /// <summary>
    /// A delivery picked up in this cell no longer waits: scheduled by another cell, cancelled or
    /// moved. One-way, like every call that may go against the usual direction.
    /// </summary>
    [Alias("ForgetWaiting"), OneWay]
    Task ForgetWaitingAsync(string deliveryId);

    /// <summary>This cell's drones by status, and the deliveries picked up here that wait for a drone.</summary>
    [Alias("GetCellSummary"), ReadOnly]
    Task<CellSummary> GetCellSummaryAsync();
}
