using System.Threading.Channels;
using DroneDelivery.Bench.Infrastructure;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// The watchers' own process, the other end of <see cref="WatcherProcess"/>: the bench run as
/// <c>--watch &lt;gateway&gt;</c>. It reads the deliveries to watch from standard input, connects
/// one watcher to each, and writes every arrival to standard output until told to quit or its
/// input ends, as it does when the bench itself ends.
/// </summary>
public static class WatcherHost
{
    public const string Command = "--watch";
    private const int ConnectParallelism = 64;

    public static async Task<int> RunAsync(Uri gateway, TextReader input, Stream output)
    {
        var watched = new List<(string DeliveryId, string TrackingToken)>();
        while (await input.ReadLineAsync() is { } line && line != WatcherProtocol.Go)
        {
            var (kind, fields) = WatcherProtocol.Split(line);
            if (kind == WatcherProtocol.Watch && fields.Length == 2)
            {
                watched.Add((fields[0], fields[1]));
            }
        }

        // One writer owns the output; lines are flushed whenever none is waiting, so an arrival
        // reaches the bench within a write of happening, and 10,000 a second cost few writes.
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var writing = WriteLinesAsync(lines.Reader, output);
        var watchers = new TrackingWatcher?[watched.Count];
        var exitCode = 0;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, watched.Count),
                new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism },
                async (i, ct) => watchers[i] = await TrackingWatcher.ConnectAsync(gateway, watched[i].DeliveryId, watched[i].TrackingToken, (message, receivedAt) =>
                    lines.Writer.TryWrite(WatcherProtocol.ArrivalLine(new(i, message.DeliveryId == BenchEndpoints.BroadcastDeliveryId, message.At, receivedAt))), ct));
            lines.Writer.TryWrite(WatcherProtocol.MessageLine(WatcherProtocol.Connected, watched.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            while (await input.ReadLineAsync() is { } line && line != WatcherProtocol.Quit)
            {
            }
        }
        catch (Exception e)
        {
            // The innermost reason too: a refused connection hides two exceptions deep.
            var reason = e.GetBaseException() is { } inner && inner != e ? $" ({inner.Message})" : "";
            lines.Writer.TryWrite(WatcherProtocol.MessageLine(WatcherProtocol.Error, $"{e.GetType().Name}: {e.Message}{reason}"));
            exitCode = 1;
        }
        finally
        {
            await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (watcher, _) =>
            {
                if (watcher is not null)
                {
                    await watcher.DisposeAsync();
                }
            });
            lines.Writer.Complete();
            await writing;
        }

        return exitCode;
    }

    private static async Task WriteLinesAsync(ChannelReader<string> lines, Stream output)
    {
        await using var writer = new StreamWriter(output) { AutoFlush = false };
        while (await lines.WaitToReadAsync())
        {
            while (lines.TryRead(out var line))
            {
                await writer.WriteLineAsync(line);
            }

            await writer.FlushAsync();
        }
    }
}
