using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>Orders a cell's available drones for a request: nearest to the pickup first.</summary>
public static class DroneRanking
{
    public sealed record Candidate(DroneAvailability Drone, TripPlanner.Plan Plan);

    /// <summary>
    /// The available drones that can fly the request, nearest to the pickup first; ties go to the
    /// shorter whole trip, then to the drone id so the choice is deterministic.
    /// </summary>
    public static IEnumerable<Candidate> Rank(
        IEnumerable<DroneAvailability> drones, ScheduleRequest request, DateTimeOffset now, TimeSpan pickupDwell) =>
        drones
            .Where(d => d.IsAvailable)
            .Select(d => (Drone: d, Plan: TripPlanner.TryPlan(d, request, now, pickupDwell)))
            .Where(c => c.Plan is not null)
            .Select(c => new Candidate(c.Drone, c.Plan!))
            .OrderBy(c => c.Plan.ToPickupKm)
            .ThenBy(c => c.Plan.TotalKm)
            .ThenBy(c => c.Drone.DroneId, StringComparer.Ordinal);
}
