using System.Globalization;
using DroneDelivery.Simulator.Flight;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>
/// Names the fleet's drones and spreads their home bases over the area. Seeded, so drone
/// <c>sim-007</c> has the same base on every run (and re-registering it changes nothing), and a
/// drone's base doesn't depend on how many others there are.
/// </summary>
public static class FleetLayout
{
    private const int Seed = 20_260_101;

    public static string DroneId(string prefix, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:D3}");

    public static IReadOnlyList<DronePlacement> Place(int count, string prefix, GeoPoint center, double radiusKm)
    {
        var random = new Random(Seed);
        return [.. Enumerable.Range(1, count).Select(n => new DronePlacement(DroneId(prefix, n), RandomPlaces.Within(random, center, radiusKm * 1000)))];
    }
}
