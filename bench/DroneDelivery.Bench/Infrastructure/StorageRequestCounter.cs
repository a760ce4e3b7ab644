using System.Diagnostics.Metrics;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// Counts the requests that reach one Azurite service, as .NET's own HTTP client metric
/// (<c>http.client.request.duration</c>) records them in this process: reads (GET, HEAD) and
/// writes (any other method: an upsert, a queue message sent or deleted). Grain state, reminders,
/// membership and the bench's own requests all count, so read it across a phase where only the
/// system under test talks to that service.
/// </summary>
public sealed class StorageRequestCounter : IDisposable
{
    private const string MeterName = "System.Net.Http";
    private const string InstrumentName = "http.client.request.duration";

    private readonly MeterListener _listener = new();
    private readonly int _port;
    private long _writes;
    private long _reads;

    public StorageRequestCounter(int port)
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

    public long Reads => Interlocked.Read(ref _reads);

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

        if (port != _port || method is null)
        {
            return;
        }

        Interlocked.Increment(ref method is "GET" or "HEAD" ? ref _reads : ref _writes);
    }
}
