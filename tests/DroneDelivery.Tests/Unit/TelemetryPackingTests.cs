using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Tests.Unit;

/// <summary>A <see cref="TelemetryBatch"/> travels packed; its fixes must come out exactly as they went in.</summary>
public sealed class TelemetryPackingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fixes_come_out_bit_for_bit_with_their_offsets_events_and_order()
    {
        TelemetrySample[] samples =
        [
            new(At, 47.600123456789, -122.300987654321, 120, 15, 270, 81.5),
            new(At.AddSeconds(1), 47.6002, -122.3009, 120, 15, 270, 81.4, DroneEvent.PickedUp),
            new(At.AddSeconds(-30).ToOffset(TimeSpan.FromHours(2)), -0.0, 0.0, -0.0, 0, 0, 0),
            new(At.AddTicks(1).ToOffset(TimeSpan.FromMinutes(-330)), double.Epsilon, double.MaxValue, double.NaN, double.MinValue, 360, 100, DroneEvent.Delivered),
            new(At.AddTicks(1).ToOffset(TimeSpan.FromMinutes(-330)), 90, -180, 10_000, 1000, 0, 0, DroneEvent.Fault),
            new(DateTimeOffset.MaxValue, 1, 2, 3, 4, 5, 6),
            new(DateTimeOffset.MinValue, 1, 2, 3, 4, 5, 6),
        ];

        var read = new TelemetryBatch("drone-1", samples).ReadSamples();

        Assert.Equal(samples.Select(Exact), read.Select(Exact));
    }

    [Fact]
    public void Random_runs_of_fixes_come_out_as_they_went_in()
    {
        var random = new Random(20261127);
        for (var run = 0; run < 200; run++)
        {
            var time = At;
            var samples = new TelemetrySample[random.Next(0, 120)];
            for (var i = 0; i < samples.Length; i++)
            {
                time = time.AddTicks(random.Next(-10_000_000, 100_000_000)).ToOffset(TimeSpan.FromMinutes(15 * random.Next(-4, 5)));
                samples[i] = new TelemetrySample(
                    time,
                    (random.NextDouble() * 180) - 90,
                    (random.NextDouble() * 360) - 180,
                    random.Next(3) == 0 ? random.NextDouble() * 500 : 120,
                    random.Next(2) == 0 ? random.NextDouble() * 30 : 15,
                    random.Next(2) == 0 ? random.NextDouble() * 360 : 90,
                    random.NextDouble() * 100,
                    random.Next(10) == 0 ? (DroneEvent)random.Next(3) : null);
            }

            Assert.Equal(samples.Select(Exact), new TelemetryBatch("drone-1", samples).ReadSamples().Select(Exact));
        }
    }

    [Fact]
    public void A_drones_run_of_fixes_a_second_apart_packs_in_under_forty_percent_of_its_fields()
    {
        // Position and battery change each second; altitude, speed and heading hold on a leg.
        var samples = Enumerable.Range(0, 50)
            .Select(i => new TelemetrySample(At.AddSeconds(i), 47.6 + (i * 1e-4), -122.3 + (i * 1e-4), 120, 15, 45, 80 - (i * 0.02)))
            .ToArray();

        var bytesPerFix = (double)new TelemetryBatch("drone-1", samples).Packed.Length / samples.Length;

        // Orleans' own serializer writes such a fix's fields in 79 bytes.
        Assert.InRange(bytesPerFix, 25, 31);
    }

    [Fact]
    public void An_empty_batch_reads_as_no_fixes()
    {
        Assert.Empty(new TelemetryBatch("drone-1", []).ReadSamples());
    }

    private static object Exact(TelemetrySample s) => (
        s.At.UtcTicks,
        s.At.Offset,
        BitConverter.DoubleToInt64Bits(s.Lat),
        BitConverter.DoubleToInt64Bits(s.Lon),
        BitConverter.DoubleToInt64Bits(s.Alt),
        BitConverter.DoubleToInt64Bits(s.SpeedMps),
        BitConverter.DoubleToInt64Bits(s.HeadingDeg),
        BitConverter.DoubleToInt64Bits(s.BatteryPct),
        s.Event);
}
