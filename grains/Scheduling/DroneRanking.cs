using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>Orders a cell's available drones for a request: nearest to the pickup first.</summary>
public static class DroneRanking
{
    public sealed record Candidate(DroneAvailability Drone, TripPlanner.Plan Plan);

    /// <summary>The choice rule: nearer to the pickup first, then the shorter whole trip, then the drone id.</summary>
    public static IComparer<Candidate> Rule { get; } = Comparer<Candidate>.Create(Compare);

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
            .Order(Rule);

    /// <summary>Below zero when <paramref name="a"/> goes before <paramref name="b"/> by <see cref="Rule"/>.</summary>
    public static int Compare(Candidate? a, Candidate? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        return Compare(a.Plan.ToPickupKm, a.Plan.TotalKm, a.Drone.DroneId, b.Plan.ToPickupKm, b.Plan.TotalKm, b.Drone.DroneId);
    }

    /// <summary>The same rule on the figures it reads, for comparing drones before their plans are built.</summary>
    public static int Compare(double aToPickupKm, double aTotalKm, string aDroneId, double bToPickupKm, double bTotalKm, string bDroneId)
    {
        var byPickup = aToPickupKm.CompareTo(bToPickupKm);
        if (byPickup != 0)
        {
            return byPickup;
        }

        var byTrip = aTotalKm.CompareTo(bTotalKm);
        return byTrip != 0 ? byTrip : string.CompareOrdinal(aDroneId, bDroneId);
    }
}
