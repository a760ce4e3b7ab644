using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>
/// Keeps the drones of one region cell in memory and hands them out. Not reentrant: one request
/// at a time walks the index, so two requests never race for the same drone here; the drone's own
/// <see cref="IDroneGrain.TryAssignAsync"/> is what makes the assignment atomic regardless.
/// </summary>
/// <remarks>
/// Call graph, which is what keeps the cluster free of deadlocks: deliveries await schedulers,
/// schedulers await drones and the roster, drones await the roster and the fleet directory; the
/// calls going the other way (drone to scheduler, scheduler to delivery) are one-way.
/// </remarks>
[GrainType("scheduler")]
public sealed partial class SchedulerGrain(
    IOptions<DeliverySchedulingOptions> options,
    TimeProvider time,
    DroneDeliveryMetrics metrics,
    ILogger<SchedulerGrain> logger) : Grain, ISchedulerGrain
{
    private readonly Dictionary<string, DroneAvailability> _drones = new(StringComparer.Ordinal);

    // The available ones among them, by position, for choosing a drone without ranking the cell.
    private readonly AvailableDroneIndex _available = new();

    // Deliveries of this cell (or near it) that found no drone, oldest first.
    private readonly OrderedDictionary<string, ScheduleRequest> _waiting = new(StringComparer.Ordinal);

    private string CellKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Rebuild the index from the persisted roster, asking each drone where it is now.
        var ids = await GrainFactory.Reference<ICellRosterGrain>(CellKey).GetDronesAsync();
        foreach (var chunk in ids.Chunk(256))
        {
            var reports = await Task.WhenAll(chunk.Select(id => GrainFactory.Reference<IDroneGrain>(id).GetAvailabilityAsync()));
            foreach (var report in reports)
            {
                if (report is not null)
                {
                    Apply(report);
                }
            }
        }

        LogIndexRebuilt(logger, CellKey, _drones.Count);
        await StartCellWatchAsync();
    }

    public async Task<Assignment?> TryScheduleAsync(ScheduleRequest request)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();

        // The best drone left, asked one at a time: a refusal only removes that drone from the index.
        while (_available.FindBest(request, now, settings.PickupDwell) is { } candidate)
        {
            var drone = candidate.Drone;
            var mission = new Mission(
                request.DeliveryId, request.Pickup, request.Dropoff, request.WeightKg, candidate.Plan.PickupEta, candidate.Plan.DeliveryEta, request.ConfirmationRequired, request.PickupTime);

            // Whatever the answer, the drone is no longer free: it either took this mission or
            // was busy already. It reports again when it becomes available. Watched until it says
            // otherwise: should its report of the mission be lost with its silo, the cell's watch
            // still wakes it.
            _drones[drone.DroneId] = drone with { IsAvailable = false, Watched = true };
            _available.Remove(drone.DroneId);
            if (await GrainFactory.Reference<IDroneGrain>(drone.DroneId).TryAssignAsync(mission))
            {
                _waiting.Remove(request.DeliveryId);
                StopAwaiting(request.DeliveryId);
                LogAssigned(logger, request.DeliveryId, drone.DroneId, CellKey);
                return new Assignment(drone.DroneId, mission.PickupEta, mission.DeliveryEta);
            }
        }

        _waiting.TryAdd(request.DeliveryId, request);
        StartAwaiting(request);
        return null;
    }

    public Task UpdateDroneAsync(DroneAvailability availability)
    {
        if (Apply(availability) && availability.IsAvailable)
        {
            WakeWaiting(availability);
        }

        return Task.CompletedTask;
    }

    public Task RemoveDroneAsync(string droneId)
    {
        _drones.Remove(droneId);
        _available.Remove(droneId);
        return Task.CompletedTask;
    }

    /// <summary>Records a report unless a newer one is already known; true if it was applied.</summary>
    private bool Apply(DroneAvailability availability)
    {
        if (_drones.TryGetValue(availability.DroneId, out var known) && known.Revision > availability.Revision)
        {
            return false;
        }

        _drones[availability.DroneId] = availability;
        _available.Set(availability);
        return true;
    }

    /// <summary>
    /// Tells the oldest waiting deliveries this drone could fly that they may try again. They are
    /// dropped from the list: one that still finds nothing comes back through TrySchedule.
    /// </summary>
    private void WakeWaiting(DroneAvailability drone)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var woken = _waiting.Values
            .Where(request => TripPlanner.TryPlan(drone, request, now, settings.PickupDwell) is not null)
            .Take(settings.WakeWaitingPerDrone)
            .ToList();
        foreach (var request in woken)
        {
            _waiting.Remove(request.DeliveryId);
            GrainFactory.Reference<IDeliveryGrain>(request.DeliveryId).DroneMayBeAvailableAsync().Ignore();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler {CellKey} rebuilt its index with {DroneCount} drones")]
    private static partial void LogIndexRebuilt(ILogger logger, string cellKey, int droneCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} assigned to drone {DroneId} by scheduler {CellKey}")]
    private static partial void LogAssigned(ILogger logger, string deliveryId, string droneId, string cellKey);
}
