namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// What the telemetry stream carries: fixes of one drone, oldest first, as one item the drone
/// takes in in one turn. One event per item rather than one per fix, so the stream's own cost
/// (a sequence token, a wrapper, reference tracking, the drone id) is paid once per batch; and
/// the fixes travel packed (<see cref="TelemetryPacking"/>), since a queue's cost grows with the
/// bytes of its items.
/// </summary>
[GenerateSerializer, Immutable, Alias("TelemetryBatch")]
public sealed class TelemetryBatch
{
    public TelemetryBatch(string droneId, ReadOnlySpan<TelemetrySample> samples)
        : this(droneId, TelemetryPacking.Pack(samples))
    {
    }

    private TelemetryBatch(string droneId, ReadOnlyMemory<byte> packed) => (DroneId, Packed) = (droneId, packed);

    [Id(0)]
    public string DroneId { get; }

    /// <summary>The fixes, packed; <see cref="ReadSamples"/> reads them.</summary>
    [Id(1)]
    public ReadOnlyMemory<byte> Packed { get; }

    /// <summary>The fixes, unpacked from <see cref="Packed"/> anew at every call: read them once.</summary>
    public TelemetrySample[] ReadSamples() => TelemetryPacking.Unpack(Packed.Span);

    /// <summary>The batch of <paramref name="fixes"/>, which must all be <paramref name="droneId"/>'s.</summary>
    public static TelemetryBatch Of(string droneId, IReadOnlyList<TelemetryFix> fixes)
    {
        var samples = new TelemetrySample[fixes.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = fixes[i].DroneId == droneId
                ? fixes[i].Sample
                : throw new ArgumentException($"A batch holds the fixes of {droneId} only, not of {fixes[i].DroneId}.", nameof(fixes));
        }

        return new(droneId, samples);
    }

    public TelemetryFix[] ToFixes() => Array.ConvertAll(ReadSamples(), sample => sample.ToFix(DroneId));
}
