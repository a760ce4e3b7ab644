using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Geo;

/// <summary>
/// A cell of the fixed latitude/longitude grid that partitions scheduling. Cells are
/// <see cref="SizeDegrees"/> on a side (about 28 km north-south, 19 km east-west at 47°N), so a
/// drone that can reach a pickup is almost always based in the pickup's cell or the ring around it.
/// The size is part of every scheduler's and roster's key: changing it re-partitions the fleet.
/// </summary>
public readonly record struct RegionCell(int LatIndex, int LonIndex)
{
    public const double SizeDegrees = 0.25;

    private static readonly int LatCells = (int)(180 / SizeDegrees);
    private static readonly int LonCells = (int)(360 / SizeDegrees);

    /// <summary>The grain key of this cell's scheduler and roster.</summary>
    public string Key => GrainKeys.Cell(LatIndex, LonIndex);

    /// <summary>The middle of the cell.</summary>
    public Location Center => new(
        (-90 + ((LatIndex + 0.5) * SizeDegrees)),
        (-180 + ((LonIndex + 0.5) * SizeDegrees)));

    public static RegionCell Of(Location location)
    {
        var lat = Math.Clamp((int)Math.Floor((location.Lat + 90) / SizeDegrees), 0, LatCells - 1);
        var lon = (int)Math.Floor((location.Lon + 180) / SizeDegrees) % LonCells;
        return new RegionCell(lat, lon);
    }

    /// <summary>
    /// The cells to search for a drone for a pickup here: this cell first, then each ring of
    /// neighbours out to <paramref name="rings"/>, nearest cell centre first. Longitude wraps at
    /// the antimeridian; latitude stops at the poles.
    /// </summary>
    public IEnumerable<RegionCell> SearchOrder(Location pickup, int rings)
    {
        yield return this;
        for (var ring = 1; ring <= rings; ring++)
        {
            var ringCells = new List<RegionCell>();
            for (var dLat = -ring; dLat <= ring; dLat++)
            {
                for (var dLon = -ring; dLon <= ring; dLon++)
                {
                    if (Math.Max(Math.Abs(dLat), Math.Abs(dLon)) != ring)
                    {
                        continue;
                    }

                    var lat = LatIndex + dLat;
                    if (lat < 0 || lat >= LatCells)
                    {
                        continue;
                    }

                    var lon = ((LonIndex + dLon) % LonCells + LonCells) % LonCells;
                    var cell = new RegionCell(lat, lon);
                    if (cell != this && !ringCells.Contains(cell))
                    {
                        ringCells.Add(cell);
                    }
                }
            }

            foreach (var cell in ringCells.OrderBy(c => GeoMath.DistanceKm(pickup, c.Center)))
            {
                yield return cell;
            }
        }
    }
}
