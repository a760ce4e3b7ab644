using System.Diagnostics.Metrics;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// Counts the writes that reach one Azurite: every request to its port other than a read, as
/// .NET's own HTTP client metric (<c>http.client.request.duration</c>) records it in this process.
/// Grain state, reminders, membership and the bench's own upserts all count, so read it across a
/// phase where only the system under test talks to that Azurite.
/// </summary>
public sealed class StorageWriteCounter : IDisposable
{
    private const string MeterName = "System.Net.Http";
    private const string InstrumentName = "http.client.request.duration";

    private readonly MeterListener _listener = new();
    private readonly int _port;
    private long _writes;

    public StorageWriteCounter(int port)
    {
        _port = port;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) => Count(tags));
        _listener.Start();
    }

    public long Writes => Interlocked.Read(ref _writes);

    public void Dispose() => _listener.Dispose();

    private void Count(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (port, method) = (-1, (string?)null);
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "server.port" when tag.Value is int p:
                    port = p;
                    break;
                case "http.request.method":
                    method = tag.Value as string;
                    break;
            }
        }

        if (port == _port && method is not (null or "GET" or "HEAD"))
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
