using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// Every answer the system gave a client during a run, by status, and the ones that break the
/// contract in detail: any 5xx other than a 503 with Retry-After, and requests that hung past the
/// client's bounded timeout. Refused connections (a gateway that is down) and connections cut
/// before the answer are counted apart.
/// </summary>
internal sealed class ResponseLog
{
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _breaches = new();
    private int _unreachable;
    private int _cut;
    private int _hung;
    private long _lastSuccess;

    public IReadOnlyDictionary<int, int> ByStatus => _byStatus;

    public IReadOnlyCollection<string> Breaches => _breaches;

    public int Unreachable => _unreachable;

    /// <summary>Requests whose connection broke before the answer: a process killed, or a keep-alive connection closed as it was reused.</summary>
    public int Cut => _cut;

    public int Hung => _hung;

    public int ServerErrors => _byStatus.Where(s => s.Key >= 500).Sum(s => s.Value);

    public int Unavailable => _byStatus.GetValueOrDefault(503);

    public DateTimeOffset LastSuccess => new(Interlocked.Read(ref _lastSuccess), TimeSpan.Zero);

    public void Record(HttpRequestMessage request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Exchange(ref _lastSuccess, DateTimeOffset.UtcNow.UtcTicks);
        }

        var promisedRetry = response.Headers.RetryAfter?.Delta > TimeSpan.Zero;
        if (status >= 500 && !(status == (int)HttpStatusCode.ServiceUnavailable && promisedRetry))
        {
            _breaches.Enqueue(string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {request.Method} {request.RequestUri?.AbsolutePath} -> {status}: {Shorten(body)}"));
        }
    }

    public void RecordUnreachable() => Interlocked.Increment(ref _unreachable);

    public void RecordCut() => Interlocked.Increment(ref _cut);

    public void RecordHung(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _hung);
        _breaches.Enqueue(string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {request.Method} {request.RequestUri?.AbsolutePath} hung past the client timeout"));
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "...";
}
