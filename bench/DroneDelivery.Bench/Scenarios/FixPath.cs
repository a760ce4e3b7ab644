namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Where a fan-out drone reports itself, tick after tick: back and forth along a short line that
/// starts just outside its home's geofence, so it has taken off, and stays well clear of its
/// pickup and drop-off, so its delivery never changes phase however long the run.
/// </summary>
public sealed class FixPath
{
    /// <summary>Metres flown from one tick to the next.</summary>
    public const double StepMeters = 2;

    // Beyond the 50 m home geofence, and 100 m clear of the 30 m pickup and drop-off geofences.
    private const double StartMeters = 60;
    private const double LengthMeters = 100;
    private const double ClearanceMeters = 100;
    private const double MetersPerDegree = 111_200;

    private readonly GeoPoint _home;
    private readonly double _bearingDeg;

    private FixPath(GeoPoint home, double bearingDeg)
    {
        _home = home;
        _bearingDeg = bearingDeg;
    }

    /// <summary>
    /// A line from <paramref name="home"/> toward the pickup when that keeps clear of both ends of
    /// the delivery; else the other way, or the first compass direction that does. Null when none
    /// does: a pickup or drop-off within the line's reach of the base on every side.
    /// </summary>
    public static FixPath? TryPlan(GeoPoint home, GeoPoint pickup, GeoPoint dropoff)
    {
        var (north, east) = Offset(home, pickup);
        var towardPickup = (Math.Atan2(east, north) * 180 / Math.PI + 360) % 360;
        double[] candidates = [towardPickup, (towardPickup + 180) % 360, 0, 90, 180, 270, 45, 135, 225, 315];
        foreach (var bearing in candidates)
        {
            var path = new FixPath(home, bearing);
            if (path.KeepsClearOf(pickup) && path.KeepsClearOf(dropoff))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The position and heading of the <paramref name="tick"/>-th fix: out along the line, then back, and again.</summary>
    public (GeoPoint Point, double HeadingDeg) At(long tick)
    {
        var travelled = tick * StepMeters % (2 * LengthMeters);
        var outward = travelled < LengthMeters;
        var along = StartMeters + (outward ? travelled : (2 * LengthMeters) - travelled);
        return (PointAt(along), outward ? _bearingDeg : (_bearingDeg + 180) % 360);
    }

    private bool KeepsClearOf(GeoPoint target)
    {
        for (var along = StartMeters; along <= StartMeters + LengthMeters; along += 10)
        {
            var (north, east) = Offset(PointAt(along), target);
            if (Math.Sqrt((north * north) + (east * east)) < ClearanceMeters)
            {
                return false;
            }
        }

        return true;
    }

    private GeoPoint PointAt(double meters)
    {
        var radians = _bearingDeg * Math.PI / 180;
        var north = meters * Math.Cos(radians);
        var east = meters * Math.Sin(radians);
        return new GeoPoint(
            _home.Lat + (north / MetersPerDegree),
            _home.Lon + (east / (MetersPerDegree * Math.Cos(_home.Lat * Math.PI / 180))));
    }

    /// <summary>Metres north and east from <paramref name="from"/> to <paramref name="to"/> (flat at this scale).</summary>
    private static (double North, double East) Offset(GeoPoint from, GeoPoint to) =>
        ((to.Lat - from.Lat) * MetersPerDegree, (to.Lon - from.Lon) * MetersPerDegree * Math.Cos(from.Lat * Math.PI / 180));
}
