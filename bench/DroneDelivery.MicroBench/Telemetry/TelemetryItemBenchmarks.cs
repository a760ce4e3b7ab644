using BenchmarkDotNet.Attributes;
using DroneDelivery.GrainInterfaces.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DroneDelivery.MicroBench.Telemetry;

/// <summary>
/// A telemetry stream item of <see cref="Fixes"/> fixes of one drone through Orleans' serializer
/// and back, as a queue carries it: packed (<see cref="TelemetryBatch"/>, what the stream carries)
/// against the fixes as they arrive (<see cref="TelemetryFix"/> records, each with its drone id).
/// </summary>
[MemoryDiagnoser]
public class TelemetryItemBenchmarks
{
    private const string DroneId = "drone-000042";

    private Serializer _serializer = null!;
    private TelemetryFix[] _fixes = [];
    private byte[] _fixesBytes = [];
    private byte[] _batchBytes = [];

    [Params(1, 50)]
    public int Fixes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(TelemetryBatch).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        var start = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        _fixes = [.. Enumerable.Range(0, Fixes).Select(i =>
            new TelemetryFix(DroneId, start.AddSeconds(i), 46.125 + (i * 1e-4), -121.875 + (i * 1e-4), 120, 15, 90, 80 - (i * 0.01)))];
        _fixesBytes = _serializer.SerializeToArray(_fixes);
        _batchBytes = _serializer.SerializeToArray(TelemetryBatch.Of(DroneId, _fixes));
    }

    [Benchmark(Baseline = true, Description = "fixes: write")]
    public byte[] WriteFixes() => _serializer.SerializeToArray(_fixes);

    [Benchmark(Description = "packed batch: pack and write")]
    public byte[] WriteBatch() => _serializer.SerializeToArray(TelemetryBatch.Of(DroneId, _fixes));

    [Benchmark(Description = "fixes: read")]
    public int ReadFixes() => _serializer.Deserialize<TelemetryFix[]>(_fixesBytes)!.Length;

    [Benchmark(Description = "packed batch: read and unpack")]
    public int ReadBatch() => _serializer.Deserialize<TelemetryBatch>(_batchBytes)!.ReadSamples().Length;
}
