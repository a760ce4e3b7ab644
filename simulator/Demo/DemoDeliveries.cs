using DroneDelivery.Simulator.Flight;
using DroneDelivery.Simulator.Gateway;

namespace DroneDelivery.Simulator.Demo;

/// <summary>Made-up delivery requests around the fleet's area.</summary>
public static class DemoDeliveries
{
    /// <summary>Shortest trip a demo request asks for, so the drones visibly fly.</summary>
    public const double MinTripM = 1000;

    public static DeliveryRequestDto Next(Random random, GeoPoint center, double radiusKm, double maxPayloadKg)
    {
        var radiusM = radiusKm * 1000;
        var pickup = RandomPlaces.Within(random, center, radiusM);
        var dropoff = RandomPlaces.Within(random, center, radiusM);
        for (var attempt = 0; GreatCircle.DistanceM(pickup, dropoff) < MinTripM; attempt++)
        {
            if (attempt == 100)
            {
                // A small area may rarely give two points far enough apart; use opposite edges.
                dropoff = GreatCircle.Destination(center, GreatCircle.InitialBearingDeg(pickup, center), radiusM);
                pickup = GreatCircle.Destination(center, GreatCircle.InitialBearingDeg(dropoff, center), radiusM);
                break;
            }

            dropoff = RandomPlaces.Within(random, center, radiusM);
        }

#pragma warning disable CA5394 // Scenery, not security.
        var heaviest = Math.Min(2.5, maxPayloadKg);
        var weightKg = Math.Max(Math.Round(heaviest * (0.2 + (0.8 * random.NextDouble())), 1), Math.Min(0.1, heaviest));
#pragma warning restore CA5394
        return new DeliveryRequestDto(
            $"demo-{Guid.NewGuid():N}",
            LocationDto.Surface(pickup),
            LocationDto.Surface(dropoff),
            new PackageDto("Small", weightKg));
    }
}
