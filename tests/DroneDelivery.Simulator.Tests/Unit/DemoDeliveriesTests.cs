using DroneDelivery.Simulator.Demo;
using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class DemoDeliveriesTests
{
    private static readonly GeoPoint Seattle = new(47.6062, -122.3321);

    [Theory]
    [InlineData(6)]
    [InlineData(1)]
    public void Pickups_and_dropoffs_lie_within_the_radius_at_least_a_kilometre_apart(double radiusKm)
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var request = DemoDeliveries.Next(random, Seattle, radiusKm, maxPayloadKg: 5);
            var pickup = request.Pickup.ToGeoPoint();
            var dropoff = request.Dropoff.ToGeoPoint();

            Assert.InRange(GreatCircle.DistanceM(Seattle, pickup), 0, (radiusKm * 1000) + 0.01);
            Assert.InRange(GreatCircle.DistanceM(Seattle, dropoff), 0, (radiusKm * 1000) + 0.01);
            Assert.True(GreatCircle.DistanceM(pickup, dropoff) >= DemoDeliveries.MinTripM);
            Assert.Null(request.Pickup.Alt);
            Assert.Equal("Small", request.Package.Size);
            Assert.InRange(request.Package.WeightKg, 0.1, 2.5);
            Assert.Matches("^[A-Za-z0-9_-]{1,64}$", request.DeliveryId);
        }
    }

    [Fact]
    public void Packages_are_never_heavier_than_the_drones_can_lift()
    {
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(DemoDeliveries.Next(random, Seattle, 6, maxPayloadKg: 0.5).Package.WeightKg, 0.1, 0.5);
        }
    }
}
