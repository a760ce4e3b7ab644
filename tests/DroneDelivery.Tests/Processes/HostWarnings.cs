using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// The warnings and errors one host wrote to its console, each with the time it was read, and the
/// lines that mark it started, killed or stopped. A failed fault run prints them counted by kind, so
/// a run on another machine (CI keeps no log files) can still be read.
/// </summary>
internal sealed class HostWarnings
{
    // A host flooding the same warning must not grow the test process without bound; the oldest go first.
    private const int Limit = 20_000;
    private const int MessageLength = 160;

    private readonly ConcurrentQueue<Entry> _entries = new();
    private long _dropped;
    private string? _pendingHeader;
    private DateTimeOffset _pendingAt;

    /// <summary>A warning or error (its kind the logger's header, <c>warn: Category[EventId]</c>), or a start or stop line (no message).</summary>
    private sealed record Entry(DateTimeOffset At, string Kind, string Message);

    /// <summary>Reads one console line; the caller serialises calls.</summary>
    public void Read(string line)
    {
        var now = DateTimeOffset.UtcNow;
        if (line.StartsWith("=====", StringComparison.Ordinal))
        {
            _pendingHeader = null;
            Add(new Entry(now, line.Trim('=', ' '), ""));
            return;
        }

        if (line.StartsWith("warn: ", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
        {
            _pendingHeader = line.Trim();
            _pendingAt = now;
            return;
        }

        // The console logger writes the header, then any scope lines (=> ...), then the message.
        var text = line.Trim();
        if (_pendingHeader is null || text.Length == 0 || text.StartsWith("=>", StringComparison.Ordinal))
        {
            return;
        }

        Add(new Entry(_pendingAt, _pendingHeader, text.Length <= MessageLength ? text : text[..MessageLength] + "..."));
        _pendingHeader = null;
    }

    /// <summary>
    /// What the host logged since <paramref name="since"/>: its start and stop lines, then its
    /// warnings and errors by kind, the most frequent first, each with its count, first and last time, and first message.
    /// </summary>
    public string Describe(string host, DateTimeOffset since, int kinds = 6)
    {
        var entries = _entries.Where(e => e.At >= since).ToList();
        var text = new StringBuilder();
        var i = CultureInfo.InvariantCulture;
        text.AppendLine(i, $"{host}: {string.Join("; ", entries.Where(e => e.Message.Length == 0).Select(e => e.Kind))}");
        var byKind = entries.Where(e => e.Message.Length > 0).GroupBy(e => e.Kind).OrderByDescending(g => g.Count()).ToList();
        foreach (var kind in byKind.Take(kinds))
        {
            text.AppendLine(i, $"  {kind.Count(),5}x {kind.First().At:HH:mm:ss}-{kind.Last().At:HH:mm:ss} {kind.Key}: {kind.First().Message}");
        }

        if (byKind.Count > kinds)
        {
            text.AppendLine(i, $"  and {byKind.Skip(kinds).Sum(g => g.Count())} more of {byKind.Count - kinds} other kinds");
        }

        if (Interlocked.Read(ref _dropped) > 0 && _entries.TryPeek(out var oldest) && oldest.At > since)
        {
            text.AppendLine(i, $"  (entries before {oldest.At:HH:mm:ss} were dropped: only the last {Limit} are kept)");
        }

        return text.ToString();
    }

    private void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        if (_entries.Count > Limit && _entries.TryDequeue(out _))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
