namespace DroneDelivery.Bench.Scenarios;

/// <summary>The drones one telemetry sender speaks for; it cycles through them, a batch at a time.</summary>
public sealed class DroneSlice(IReadOnlyList<string> droneIds, int batchSize)
{
    private int _next;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>No drone appears twice in one batch, where its two fixes could share a time.</summary>
    public int BatchSize { get; } = Math.Min(batchSize, droneIds.Count);

    /// <summary>The next batch: one fix per drone, each later than any this sender made before.</summary>
    public object[] NextBatch(BenchArea area)
    {
        var now = DateTimeOffset.UtcNow;
        _last = now > _last ? now : _last.AddTicks(1);
        var batch = new object[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            var id = droneIds[_next];
            _next = (_next + 1) % droneIds.Count;
            var position = BenchArea.PointNear(0, 3);
            batch[i] = new { droneId = id, at = _last, lat = position.Lat, lon = position.Lon, alt = 120, speedMps = 15, headingDeg = 90, batteryPct = 80 };
        }

        return batch;
    }
}
