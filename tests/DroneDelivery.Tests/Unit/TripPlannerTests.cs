using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.Scheduling;

namespace DroneDelivery.Tests.Unit;

public sealed class TripPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Dwell = TimeSpan.FromMinutes(2);
    private static readonly Location Base = new(0, 0);
    private static readonly Location Pickup = new(0.09, 0);     // ~10 km north of base
    private static readonly Location Dropoff = new(0.18, 0);    // ~10 km further north

    [Fact]
    public void The_ETAs_are_flight_time_at_cruise_speed_plus_the_pickup_dwell()
    {
        var plan = TripPlanner.TryPlan(Drone(rangeKm: 100), Request(), Now, Dwell)!;

        var toPickup = GeoMath.DistanceKm(Base, Pickup);
        var toDropoff = GeoMath.DistanceKm(Pickup, Dropoff);
        Assert.Equal(Now + TimeSpan.FromSeconds(toPickup * 1000 / 20), plan.PickupEta);
        Assert.Equal(plan.PickupEta + Dwell + TimeSpan.FromSeconds(toDropoff * 1000 / 20), plan.DeliveryEta);
        Assert.Equal(toPickup + toDropoff + GeoMath.DistanceKm(Dropoff, Base), plan.TotalKm, precision: 9);
    }

    [Fact]
    public void A_drone_that_cannot_fly_out_deliver_and_come_home_is_not_planned()
    {
        // The round trip is about 40 km: out 10, on 10, home 20.
        Assert.NotNull(TripPlanner.TryPlan(Drone(rangeKm: 41), Request(), Now, Dwell));
        Assert.Null(TripPlanner.TryPlan(Drone(rangeKm: 39), Request(), Now, Dwell));
    }

    [Fact]
    public void A_partly_charged_battery_shortens_the_reach()
    {
        Assert.Null(TripPlanner.TryPlan(Drone(rangeKm: 60, batteryPct: 50), Request(), Now, Dwell));
        Assert.NotNull(TripPlanner.TryPlan(Drone(rangeKm: 60, batteryPct: 70), Request(), Now, Dwell));
    }

    [Fact]
    public void A_package_heavier_than_the_payload_is_not_planned()
    {
        Assert.Null(TripPlanner.TryPlan(Drone(rangeKm: 100, maxPayloadKg: 2), Request(weightKg: 2.5), Now, Dwell));
        Assert.NotNull(TripPlanner.TryPlan(Drone(rangeKm: 100, maxPayloadKg: 2), Request(weightKg: 2), Now, Dwell));
    }

    [Fact]
    public void A_later_pickup_time_moves_both_ETAs_to_it()
    {
        var pickupTime = Now.AddHours(2);
        var plan = TripPlanner.TryPlan(Drone(rangeKm: 100), Request(pickupTime: pickupTime), Now, Dwell)!;
        Assert.Equal(pickupTime, plan.PickupEta);
        Assert.Equal(pickupTime + Dwell + TripPlanner.FlightTime(GeoMath.DistanceKm(Pickup, Dropoff), 20), plan.DeliveryEta);
    }

    internal static DroneAvailability Drone(double rangeKm, double maxPayloadKg = 5, double batteryPct = 100, Location? at = null, string id = "d", bool available = true) =>
        new(id, new DroneSpec("FD", maxPayloadKg, 20, rangeKm, Base), at ?? Base, batteryPct, available, 1);

    internal static ScheduleRequest Request(double weightKg = 1, DateTimeOffset? pickupTime = null) =>
        new("delivery", Pickup, Dropoff, weightKg, pickupTime);
}
