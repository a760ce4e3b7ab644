namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// The drones one telemetry sender speaks for. Like a real drone, each request carries the fixes
/// of one drone only; the sender takes its drones in turn, a request each.
/// </summary>
public sealed class DroneSlice(IReadOnlyList<string> droneIds, int batchSize)
{
    private int _next;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public int BatchSize { get; } = batchSize;

    /// <summary>The next drone's batch: its fixes in order, each later than any this sender made before.</summary>
    public object[] NextBatch()
    {
        var id = droneIds[_next];
        _next = (_next + 1) % droneIds.Count;
        var batch = new object[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            var now = DateTimeOffset.UtcNow;
            _last = now > _last ? now : _last.AddTicks(1);
            var position = BenchArea.PointNear(0, 3);
            batch[i] = new { droneId = id, at = _last, lat = position.Lat, lon = position.Lon, alt = 120, speedMps = 15, headingDeg = 90, batteryPct = 80 };
        }

        return batch;
    }
}
