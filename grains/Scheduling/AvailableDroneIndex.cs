using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;

namespace DroneDelivery.Grains.Scheduling;

/// <summary>
/// A cell's available drones, bucketed by position on a fine grid, so a request plans only the
/// drones near its pickup instead of ranking the whole cell. Buckets are visited nearest first by
/// a distance no drone in them can beat; once that exceeds the best plan found, no later bucket
/// holds a better one. The choice is the one <see cref="DroneRanking.Rank"/> puts first.
/// </summary>
public sealed class AvailableDroneIndex
{
    /// <summary>About 550 m north-south: a base's drones share a bucket or two, and a cell spans ~2,500.</summary>
    public const double BucketDegrees = 0.005;

    private readonly Dictionary<(int Lat, int Lon), Dictionary<string, DroneAvailability>> _buckets = [];
    private readonly Dictionary<string, (int Lat, int Lon)> _bucketOf = new(StringComparer.Ordinal);

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
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Dictionary<string, DroneAvailability>(StringComparer.Ordinal);
            _buckets[key] = bucket;
        }

        bucket[drone.DroneId] = drone;
        _bucketOf[drone.DroneId] = key;
    }

    public void Remove(string droneId)
    {
        if (_bucketOf.Remove(droneId, out var key) && _buckets.TryGetValue(key, out var bucket)
            && bucket.Remove(droneId) && bucket.Count == 0)
        {
            _buckets.Remove(key);
        }
    }

    /// <summary>The available drone <see cref="DroneRanking.Rule"/> puts first for the request, with its plan; null if none can fly it.</summary>
    public DroneRanking.Candidate? FindBest(ScheduleRequest request, DateTimeOffset now, TimeSpan pickupDwell)
    {
        var pickupLat = ToRadians(request.Pickup.Lat);
        var cosPickupLat = Math.Cos(pickupLat);
        var nearestFirst = new PriorityQueue<Dictionary<string, DroneAvailability>, double>(
            _buckets.Select(b => (b.Value, NearestKm(b.Key, request.Pickup.Lon, pickupLat, cosPickupLat))));
        var toDropoffKm = GeoMath.DistanceKm(request.Pickup, request.Dropoff);
        DroneRanking.Candidate? best = null;
        while (nearestFirst.TryDequeue(out var bucket, out var nearestKm))
        {
            if (best is not null && nearestKm > best.Plan.ToPickupKm)
            {
                break;
            }

            foreach (var drone in bucket.Values)
            {
                // Nearer to the pickup comes first: a drone farther than the best so far is not
                // planned. Its latitude alone often says so, without the trigonometry.
                if (best is not null && LatitudeKm(drone.Position.Lat, request.Pickup.Lat) > best.Plan.ToPickupKm)
                {
                    continue;
                }

                var toPickupKm = GeoMath.DistanceKm(drone.Position, request.Pickup);
                if (best is not null && toPickupKm > best.Plan.ToPickupKm)
                {
                    continue;
                }

                if (TripPlanner.TryPlan(drone, request, toPickupKm, toDropoffKm, now, pickupDwell) is { } plan)
                {
                    var candidate = new DroneRanking.Candidate(drone, plan);
                    if (DroneRanking.Compare(candidate, best) < 0)
                    {
                        best = candidate;
                    }
                }
            }
        }

        return best;
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
    private static double NearestKm((int Lat, int Lon) bucket, double pickupLon, double pickupLatRadians, double cosPickupLat)
    {
        var south = bucket.Lat * BucketDegrees;
        var north = south + BucketDegrees;
        var west = bucket.Lon * BucketDegrees;
        var east = west + BucketDegrees;
        var pickupLat = pickupLatRadians * 180 / Math.PI;

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
