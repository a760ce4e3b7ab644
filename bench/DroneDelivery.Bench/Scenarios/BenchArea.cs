using System.Globalization;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Where the bench flies: cells of the scheduler's 0.25° grid, half a degree apart so no two share
/// a neighbour ring, each with its own drones and its own requests. Points stay within a few km of
/// a cell's centre, well inside it.
/// </summary>
public sealed class BenchArea(int cells)
{
    private const double OriginLat = 46.125;
    private const double OriginLon = -121.875;

    public int Cells { get; } = cells;

    /// <summary>A point within <paramref name="radiusKm"/> of the centre of <paramref name="cell"/>.</summary>
    public static GeoPoint PointNear(int cell, double radiusKm)
    {
        var lat = OriginLat + (0.5 * (cell % 8));
        var lon = OriginLon + (0.5 * (cell / 8));
        var north = ((Random.Shared.NextDouble() * 2) - 1) * radiusKm;
        var east = ((Random.Shared.NextDouble() * 2) - 1) * radiusKm;
        return new GeoPoint(
            Math.Round(lat + (north / 111.2), 6),
            Math.Round(lon + (east / (111.2 * Math.Cos(lat * Math.PI / 180))), 6));
    }

    public static string DroneId(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D5}");
}
