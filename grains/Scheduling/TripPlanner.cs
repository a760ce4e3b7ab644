using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>
/// Plans a drone's trip for a delivery: whether it can lift the package and fly out to the
/// pickup, on to the drop-off and back home on its battery, and when it would get there.
/// </summary>
public static class TripPlanner
{
    /// <summary>A trip the drone can fly, with its total length and the promised times.</summary>
    public sealed record Plan(double ToPickupKm, double TotalKm, DateTimeOffset PickupEta, DateTimeOffset DeliveryEta);

    /// <summary>The plan, or null when the drone can't lift the package or fly the whole trip.</summary>
    public static Plan? TryPlan(DroneAvailability drone, ScheduleRequest request, DateTimeOffset now, TimeSpan pickupDwell) =>
        TryPlan(drone, request, GeoMath.DistanceKm(drone.Position, request.Pickup), GeoMath.DistanceKm(request.Pickup, request.Dropoff), now, pickupDwell);

    /// <summary>
    /// The same, with the two legs the caller already knows: the drone's distance to the pickup,
    /// and the pickup to the drop-off, which is the same for every drone planned for a request.
    /// </summary>
    public static Plan? TryPlan(
        DroneAvailability drone, ScheduleRequest request, double toPickupKm, double toDropoffKm, DateTimeOffset now, TimeSpan pickupDwell)
    {
        if (!CanFly(drone, request, toPickupKm, toDropoffKm, out var total))
        {
            return null;
        }

        var spec = drone.Spec;
        var pickupEta = now + FlightTime(toPickupKm, spec.CruiseSpeedMps);
        if (request.PickupTime is { } wanted && wanted > pickupEta)
        {
            // The drone times its departure to be at the pickup when the business asked.
            pickupEta = wanted;
        }

        var deliveryEta = pickupEta + pickupDwell + FlightTime(toDropoffKm, spec.CruiseSpeedMps);
        return new Plan(toPickupKm, total, pickupEta, deliveryEta);
    }

    /// <summary>
    /// Whether the drone can lift the package and fly out to the pickup, on to the drop-off and
    /// back home on its battery, and the whole trip's length: what <see cref="TryPlan(DroneAvailability, ScheduleRequest, double, double, DateTimeOffset, TimeSpan)"/>
    /// decides, without building a plan, for comparing many drones.
    /// </summary>
    public static bool CanFly(DroneAvailability drone, ScheduleRequest request, double toPickupKm, double toDropoffKm, out double totalKm)
    {
        var spec = drone.Spec;
        if (request.WeightKg > spec.MaxPayloadKg || spec.CruiseSpeedMps <= 0)
        {
            totalKm = 0;
            return false;
        }

        totalKm = toPickupKm + toDropoffKm + GeoMath.DistanceKm(request.Dropoff, spec.HomeBase);
        return totalKm <= spec.RangeKm * Math.Clamp(drone.BatteryPct, 0, 100) / 100;
    }

    /// <summary>
    /// ETAs from where a drone is now: out to the pickup (unless picked up), the dwell, on to the
    /// drop-off, at <paramref name="speedMps"/>. Null pickup ETA once the package is on board.
    /// </summary>
    public static (DateTimeOffset? PickupEta, DateTimeOffset DeliveryEta) Remaining(
        Location position, Mission mission, bool pickedUp, double speedMps, DateTimeOffset at, TimeSpan pickupDwell)
    {
        if (pickedUp)
        {
            return (null, at + FlightTime(GeoMath.DistanceKm(position, mission.Dropoff), speedMps));
        }

        var pickupEta = at + FlightTime(GeoMath.DistanceKm(position, mission.Pickup), speedMps);
        if (mission.PickupTime is { } wanted && wanted > pickupEta)
        {
            pickupEta = wanted;
        }

        return (pickupEta, pickupEta + pickupDwell + FlightTime(GeoMath.DistanceKm(mission.Pickup, mission.Dropoff), speedMps));
    }

    /// <summary>Time to fly <paramref name="km"/> at <paramref name="speedMps"/>.</summary>
    public static TimeSpan FlightTime(double km, double speedMps) => TimeSpan.FromSeconds(km * 1000 / speedMps);
}
