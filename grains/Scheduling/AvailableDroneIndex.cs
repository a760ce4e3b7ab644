using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>
/// A cell's available drones, bucketed by position on a fine grid, so a request plans only the
/// drones near its pickup instead of ranking the whole cell. Rows of buckets are opened outward
/// from the pickup's latitude, and buckets are visited nearest first by a distance no drone in
/// them can beat; once the nearest row or bucket left is farther than the best drone found, none
/// beyond holds a better one. The choice is the one <see cref="DroneRanking.Rank"/> puts first.
/// Not thread-safe: its one scheduler grain asks one request at a time.
/// </summary>
public sealed class AvailableDroneIndex
{
    /// <summary>About 550 m north-south: a base's drones share a bucket or two, and a cell spans ~2,500.</summary>
    public const double BucketDegrees = 0.005;

    // Row (latitude) to column (longitude) to the drones of that bucket; the rows' keys kept in order.
    private readonly Dictionary<int, Dictionary<int, Dictionary<string, DroneAvailability>>> _rows = [];
    private readonly List<int> _rowKeys = [];
    private readonly Dictionary<string, (int Lat, int Lon)> _bucketOf = new(StringComparer.Ordinal);

    // Reused by every request, so a choice allocates nothing but its result.
    private readonly PriorityQueue<Dictionary<string, DroneAvailability>, double> _nearestFirst = new();

    public int Count => _bucketOf.Count;

    /// <summary>Keeps <paramref name="drone"/> if it is available, and forgets it otherwise.</summary>
    public void Set(DroneAvailability drone)
    {
        Remove(drone.DroneId);
        if (!drone.IsAvailable)
        {
            return;
        }

        var key = BucketOf(drone.Position);
        if (!_rows.TryGetValue(key.Lat, out var row))
        {
            row = [];
            _rows[key.Lat] = row;
            _rowKeys.Insert(~_rowKeys.BinarySearch(key.Lat), key.Lat);
        }

        if (!row.TryGetValue(key.Lon, out var bucket))
        {
            bucket = new Dictionary<string, DroneAvailability>(StringComparer.Ordinal);
            row[key.Lon] = bucket;
        }

        bucket[drone.DroneId] = drone;
        _bucketOf[drone.DroneId] = key;
    }

    public void Remove(string droneId)
    {
        if (!_bucketOf.Remove(droneId, out var key) || !_rows.TryGetValue(key.Lat, out var row)
            || !row.TryGetValue(key.Lon, out var bucket) || !bucket.Remove(droneId) || bucket.Count > 0)
        {
            return;
        }

        row.Remove(key.Lon);
        if (row.Count == 0)
        {
            _rows.Remove(key.Lat);
            _rowKeys.RemoveAt(_rowKeys.BinarySearch(key.Lat));
        }
    }

    /// <summary>The available drone <see cref="DroneRanking.Rule"/> puts first for the request, with its plan; null if none can fly it.</summary>
    public DroneRanking.Candidate? FindBest(ScheduleRequest request, DateTimeOffset now, TimeSpan pickupDwell)
    {
        var pickup = request.Pickup;
        var cosPickupLat = Math.Cos(ToRadians(pickup.Lat));
        var toDropoffKm = GeoMath.DistanceKm(pickup, request.Dropoff);

        // Two cursors over the rows: northward from the pickup's row, southward below it.
        var north = _rowKeys.BinarySearch((int)Math.Floor(pickup.Lat / BucketDegrees));
        north = north < 0 ? ~north : north;
        var south = north - 1;

        DroneAvailability? best = null;
        double bestToPickupKm = 0, bestTotalKm = 0;
        _nearestFirst.Clear();
        while (true)
        {
            var northKm = north < _rowKeys.Count ? RowKm(_rowKeys[north], pickup.Lat) : double.PositiveInfinity;
            var southKm = south >= 0 ? RowKm(_rowKeys[south], pickup.Lat) : double.PositiveInfinity;
            var rowKm = Math.Min(northKm, southKm);
            var bucketKm = _nearestFirst.TryPeek(out _, out var nearestKm) ? nearestKm : double.PositiveInfinity;
            var nextKm = Math.Min(rowKm, bucketKm);
            if (double.IsPositiveInfinity(nextKm) || (best is not null && nextKm > bestToPickupKm))
            {
                break;
            }

            if (rowKm <= bucketKm)
            {
                // A row not yet opened may hold a bucket nearer than any queued: open the nearer row first.
                var rowKey = northKm <= southKm ? _rowKeys[north++] : _rowKeys[south--];
                foreach (var (lon, bucket) in _rows[rowKey])
                {
                    _nearestFirst.Enqueue(bucket, NearestKm((rowKey, lon), pickup, cosPickupLat));
                }

                continue;
            }

            foreach (var drone in _nearestFirst.Dequeue().Values)
            {
                // Nearer to the pickup comes first: a drone farther than the best so far is not
                // planned. Its latitude alone often says so, without the trigonometry.
                if (best is not null && LatitudeKm(drone.Position.Lat, pickup.Lat) > bestToPickupKm)
                {
                    continue;
                }

                var toPickupKm = GeoMath.DistanceKm(drone.Position, pickup);
                if (best is not null && toPickupKm > bestToPickupKm)
                {
                    continue;
                }

                // Compared by the rule's own figures; only the chosen drone's plan is built.
                if (TripPlanner.CanFly(drone, request, toPickupKm, toDropoffKm, out var totalKm)
                    && (best is null || DroneRanking.Compare(toPickupKm, totalKm, drone.DroneId, bestToPickupKm, bestTotalKm, best.DroneId) < 0))
                {
                    (best, bestToPickupKm, bestTotalKm) = (drone, toPickupKm, totalKm);
                }
            }
        }

        return best is null ? null : new DroneRanking.Candidate(best, TripPlanner.TryPlan(best, request, bestToPickupKm, toDropoffKm, now, pickupDwell)!);
    }

    /// <summary>A distance no point of the row of buckets is nearer than: its nearest latitude's, by <see cref="LatitudeKm"/>.</summary>
    private static double RowKm(int row, double pickupLat)
    {
        var south = row * BucketDegrees;
        var north = south + BucketDegrees;
        return pickupLat < south ? LatitudeKm(south, pickupLat) : pickupLat > north ? LatitudeKm(north, pickupLat) : 0;
    }

    /// <summary>
    /// A distance two points this far apart in latitude are never nearer than: the haversine's
    /// first term alone. Shaved by the same rounding margin as <see cref="NearestKm"/>.
    /// </summary>
    private static double LatitudeKm(double lat, double otherLat)
    {
        var km = GeoMath.EarthRadiusKm * ToRadians(Math.Abs(lat - otherLat));
        return km - (1e-9 * (1 + km));
    }

    private static (int Lat, int Lon) BucketOf(Location position) =>
        ((int)Math.Floor(position.Lat / BucketDegrees), (int)Math.Floor(position.Lon / BucketDegrees));

    /// <summary>
    /// A distance no point of the bucket is nearer than, by the haversine of <see cref="GeoMath.DistanceKm"/>:
    /// each of its terms is at least its value at the bucket's nearest latitude, nearest longitude and
    /// the cosine of its farthest-from-equator edge. Shaved by a rounding margin so a drone on the edge is never skipped.
    /// </summary>
    private static double NearestKm((int Lat, int Lon) bucket, Location pickup, double cosPickupLat)
    {
        var south = bucket.Lat * BucketDegrees;
        var north = south + BucketDegrees;
        var west = bucket.Lon * BucketDegrees;
        var east = west + BucketDegrees;
        var (pickupLat, pickupLon) = (pickup.Lat, pickup.Lon);

        var dLat = pickupLat < south ? south - pickupLat : pickupLat > north ? pickupLat - north : 0;
        var dLon = pickupLon >= west && pickupLon <= east ? 0 : Math.Min(AroundDegrees(pickupLon - west), AroundDegrees(pickupLon - east));
        var cosEdge = Math.Cos(ToRadians(Math.Min(90, Math.Max(Math.Abs(south), Math.Abs(north)))));
        var sinHalfLat = Math.Sin(ToRadians(dLat) / 2);
        var sinHalfLon = Math.Sin(ToRadians(dLon) / 2);
        var h = (sinHalfLat * sinHalfLat) + (cosPickupLat * Math.Max(0, cosEdge) * sinHalfLon * sinHalfLon);
        var km = 2 * GeoMath.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        return km - (1e-9 * (1 + km));
    }

    /// <summary>The angle between two longitudes <paramref name="difference"/> apart, the short way round.</summary>
    private static double AroundDegrees(double difference)
    {
        var d = Math.Abs(difference) % 360;
        return Math.Min(d, 360 - d);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
