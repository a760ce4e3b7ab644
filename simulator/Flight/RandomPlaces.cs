namespace DroneDelivery.Simulator.Flight;

public static class RandomPlaces
{
    /// <summary>A point uniformly distributed over the disc of <paramref name="radiusM"/> around <paramref name="center"/>.</summary>
    public static GeoPoint Within(Random random, GeoPoint center, double radiusM)
    {
#pragma warning disable CA5394 // Scenery, not security.
        // The square root spreads points evenly over the area instead of crowding the centre.
        var distance = radiusM * Math.Sqrt(random.NextDouble());
        var bearing = 360 * random.NextDouble();
#pragma warning restore CA5394
        return GreatCircle.Destination(center, bearing, distance);
    }
}
