using System.Buffers;
using System.Buffers.Binary;

namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// The compact, lossless form of a drone's run of fixes that a <see cref="TelemetryBatch"/>
/// travels in. Stream queues copy and serialize an item's bytes several times on its way (the
/// memory provider even byte by byte), so bytes per fix are what a fix costs there: about 79 as
/// serialized fields, 18 to 30 here.
/// </summary>
/// <remarks>
/// Layout: a format byte (1), the count (varint), then per fix a byte of flags, the time as the
/// change in UTC ticks from the fix before (zigzag varint), latitude and longitude (8 bytes each),
/// and only then what differs from the fix before: the UTC offset in minutes (zigzag varint),
/// altitude, speed, heading and battery (8 bytes each), the event (1 byte). Doubles are kept bit
/// for bit, so a fix comes out exactly as it went in.
/// </remarks>
internal static class TelemetryPacking
{
    private const byte Format = 1;

    [Flags]
    private enum Changed : byte
    {
        None = 0,
        Offset = 1,
        Alt = 2,
        Speed = 4,
        Heading = 8,
        Battery = 16,
        Event = 32,
    }

    public static byte[] Pack(ReadOnlySpan<TelemetrySample> samples)
    {
        // Format, count, then per fix at most: flags, ticks, lat, lon, offset, four doubles, event.
        var buffer = ArrayPool<byte>.Shared.Rent(1 + 5 + (samples.Length * (1 + 10 + 16 + 10 + 32 + 1)));
        try
        {
            var pos = Write(samples, buffer);
            return buffer.AsSpan(0, pos).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Write(ReadOnlySpan<TelemetrySample> samples, byte[] buffer)
    {
        var pos = 0;
        buffer[pos++] = Format;
        WriteVarUInt(buffer, ref pos, (ulong)samples.Length);
        var before = default(TelemetrySample);
        long ticksBefore = 0;
        foreach (var sample in samples)
        {
            var changed = Changed.None;
            var offsetMinutes = (long)sample.At.Offset.TotalMinutes;
            changed |= offsetMinutes != (long)before.At.Offset.TotalMinutes ? Changed.Offset : 0;
            changed |= Differs(sample.Alt, before.Alt) ? Changed.Alt : 0;
            changed |= Differs(sample.SpeedMps, before.SpeedMps) ? Changed.Speed : 0;
            changed |= Differs(sample.HeadingDeg, before.HeadingDeg) ? Changed.Heading : 0;
            changed |= Differs(sample.BatteryPct, before.BatteryPct) ? Changed.Battery : 0;
            changed |= sample.Event is not null ? Changed.Event : 0;

            buffer[pos++] = (byte)changed;
            var ticks = sample.At.UtcTicks;
            WriteVarUInt(buffer, ref pos, ZigZag(ticks - ticksBefore));
            WriteDouble(buffer, ref pos, sample.Lat);
            WriteDouble(buffer, ref pos, sample.Lon);
            if (Has(changed, Changed.Offset))
            {
                WriteVarUInt(buffer, ref pos, ZigZag(offsetMinutes));
            }

            WriteIf(changed, Changed.Alt, buffer, ref pos, sample.Alt);
            WriteIf(changed, Changed.Speed, buffer, ref pos, sample.SpeedMps);
            WriteIf(changed, Changed.Heading, buffer, ref pos, sample.HeadingDeg);
            WriteIf(changed, Changed.Battery, buffer, ref pos, sample.BatteryPct);
            if (sample.Event is { } droneEvent)
            {
                buffer[pos++] = (byte)droneEvent;
            }

            (before, ticksBefore) = (sample, ticks);
        }

        return pos;
    }

    public static TelemetrySample[] Unpack(ReadOnlySpan<byte> packed)
    {
        var pos = 0;
        if (packed.IsEmpty || packed[pos++] != Format)
        {
            throw new InvalidDataException("Telemetry packed in an unknown format.");
        }

        var samples = new TelemetrySample[checked((int)ReadVarUInt(packed, ref pos))];
        var before = default(TelemetrySample);
        long ticks = 0;
        var offset = TimeSpan.Zero;
        for (var i = 0; i < samples.Length; i++)
        {
            var changed = (Changed)packed[pos++];
            ticks += UnZigZag(ReadVarUInt(packed, ref pos));
            var lat = ReadDouble(packed, ref pos);
            var lon = ReadDouble(packed, ref pos);
            if (Has(changed, Changed.Offset))
            {
                offset = TimeSpan.FromMinutes(UnZigZag(ReadVarUInt(packed, ref pos)));
            }

            // Initializers run in the order written, which is the order the fields were packed in.
            var sample = before with
            {
                At = new DateTimeOffset(ticks + offset.Ticks, offset),
                Lat = lat,
                Lon = lon,
                Alt = Has(changed, Changed.Alt) ? ReadDouble(packed, ref pos) : before.Alt,
                SpeedMps = Has(changed, Changed.Speed) ? ReadDouble(packed, ref pos) : before.SpeedMps,
                HeadingDeg = Has(changed, Changed.Heading) ? ReadDouble(packed, ref pos) : before.HeadingDeg,
                BatteryPct = Has(changed, Changed.Battery) ? ReadDouble(packed, ref pos) : before.BatteryPct,
                Event = Has(changed, Changed.Event) ? (DroneEvent)packed[pos++] : null,
            };
            samples[i] = before = sample;
        }

        return samples;
    }

    // Not Enum.HasFlag: an allocation trace of the bench caught it boxing the flags, about 75 bytes a fix.
    private static bool Has(Changed changed, Changed flag) => (changed & flag) != 0;

    // Bit for bit: 0.0 and -0.0 differ, and a NaN equals itself.
    private static bool Differs(double value, double before) => BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(before);

    private static void WriteIf(Changed changed, Changed flag, byte[] buffer, ref int pos, double value)
    {
        if (Has(changed, flag))
        {
            WriteDouble(buffer, ref pos, value);
        }
    }

    private static void WriteDouble(byte[] buffer, ref int pos, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(pos), value);
        pos += sizeof(double);
    }

    private static double ReadDouble(ReadOnlySpan<byte> packed, ref int pos)
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(packed[pos..]);
        pos += sizeof(double);
        return value;
    }

    private static void WriteVarUInt(byte[] buffer, ref int pos, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[pos++] = (byte)value;
    }

    private static ulong ReadVarUInt(ReadOnlySpan<byte> packed, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = packed[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Telemetry packed with a number too long.");
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
