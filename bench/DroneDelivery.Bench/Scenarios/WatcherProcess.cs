using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// The fan-out's watchers, in a process of their own. Every connection is an open file at both
/// ends, and a process may hold only so many (often 20,000, not raisable without privileges): with
/// the gateway and its connections in the bench's process, the watchers run in a child, the bench
/// itself started as <see cref="WatcherHost"/>. Arrivals are stamped there and come back as
/// lines; the two processes share the machine's clock.
/// </summary>
public sealed class WatcherProcess : IAsyncDisposable
{
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly long[] _newestStampTicks;
    private readonly Action<WatcherArrival> _onArrival;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _errorTail = new();
    private readonly Task _reading;

    private WatcherProcess(Process process, int watchers, Action<WatcherArrival> onArrival)
    {
        _process = process;
        _newestStampTicks = new long[watchers];
        _onArrival = onArrival;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _errorTail.Enqueue(line);
                while (_errorTail.Count > 20 && _errorTail.TryDequeue(out string? _))
                {
                }
            }
        };
        _process.BeginErrorReadLine();
        _reading = Task.Run(ReadArrivalsAsync);
    }

    public int Count => _newestStampTicks.Length;

    /// <summary>
    /// Starts the process, connects one watcher to each of <paramref name="watched"/> (the same
    /// delivery may be watched many times) and returns once all are in.
    /// </summary>
    public static async Task<WatcherProcess> StartAsync(
        Uri gateway, IReadOnlyList<TrackedDelivery> watched, Action<WatcherArrival> onArrival, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(WatcherHost).Assembly.Location, WatcherHost.Command, gateway.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var watchers = new WatcherProcess(Process.Start(start) ?? throw new InvalidOperationException("The watchers' process did not start."), watched.Count, onArrival);
        try
        {
            var input = watchers._process.StandardInput;
            foreach (var delivery in watched)
            {
                await input.WriteLineAsync(WatcherProtocol.WatchLine(delivery.DeliveryId, delivery.TrackingToken));
            }

            await input.WriteLineAsync(WatcherProtocol.Go);
            await input.FlushAsync(cancellationToken);
            await watchers._connected.Task.WaitAsync(cancellationToken);
            return watchers;
        }
        catch
        {
            await watchers.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many watchers have received a message stamped at or after <paramref name="stamp"/>.</summary>
    public int CountReachedSince(DateTimeOffset stamp)
    {
        var reached = 0;
        for (var i = 0; i < _newestStampTicks.Length; i++)
        {
            reached += Volatile.Read(ref _newestStampTicks[i]) >= stamp.UtcTicks ? 1 : 0;
        }

        return reached;
    }

    /// <summary>Tells the process to close its watchers and waits for it to end; kills it if it takes too long.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(WatcherProtocol.Quit);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has already ended: nothing to tell it.
        }

        using var timeout = new CancellationTokenSource(QuitTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reading;
        _process.Dispose();
    }

    private async Task ReadArrivalsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var (kind, fields) = WatcherProtocol.Split(line);
            switch (kind)
            {
                case WatcherProtocol.Arrival:
                    var arrival = WatcherProtocol.ParseArrival(fields);
                    // This loop is the only writer; readers poll.
                    if (arrival.StampedAt.UtcTicks > _newestStampTicks[arrival.Watcher])
                    {
                        Volatile.Write(ref _newestStampTicks[arrival.Watcher], arrival.StampedAt.UtcTicks);
                    }

                    _onArrival(arrival);
                    break;
                case WatcherProtocol.Connected:
                    _connected.TrySetResult();
                    break;
                case WatcherProtocol.Error:
                    _connected.TrySetException(new InvalidOperationException($"The watchers' process failed: {string.Join(' ', fields)}"));
                    break;
            }
        }

        _connected.TrySetException(new InvalidOperationException(
            $"The watchers' process ended before its watchers connected. Its last output: {string.Join(" | ", _errorTail)}"));
    }

    /// <summary>The dotnet host this process runs on, which runs the bench's assembly as the child.</summary>
    private static string DotnetHost()
    {
        var host = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(host) ? host : "dotnet";
    }
}
