using System.Globalization;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A patch of the map of its own for one test, two degrees from any other, so no scheduler cell
/// or neighbour ring is shared and tests sharing a cluster can't take each other's drones. Its
/// origin is the centre of a scheduler cell (cells are 0.25°), so points within about 10 km
/// north-south and 7 km east-west stay in that one cell.
/// </summary>
internal sealed record TestArea(double Lat, double Lon)
{
    private static int _next;

    public static TestArea Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new TestArea(-40.125 + (2 * (n % 40)), -169.875 + (2 * (n / 40)));
    }

    /// <summary>A point <paramref name="northKm"/> north and <paramref name="eastKm"/> east of the area's origin.</summary>
    public GeoPoint At(double northKm, double eastKm) => new(
        Math.Round(Lat + (northKm / 111.2), 6),
        Math.Round(Lon + (eastKm / (111.2 * Math.Cos(Lat * Math.PI / 180))), 6));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Lat}, {Lon})");
}
