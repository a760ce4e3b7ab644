using System.Globalization;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// The lines the bench and its watchers' process exchange. The bench writes one
/// <c>watch</c> line per watcher, then <c>go</c>, and later <c>quit</c>; the watchers' process
/// answers <c>connected</c> once every watcher is in (or <c>error</c>), then an <c>arrival</c>
/// line for each position message that reaches a watcher.
/// </summary>
public static class WatcherProtocol
{
    public const string Watch = "watch";
    public const string Go = "go";
    public const string Quit = "quit";
    public const string Connected = "connected";
    public const string Error = "error";
    public const string Arrival = "arrival";

    private const char Separator = '\t';

    public static string WatchLine(string deliveryId, string trackingToken) => string.Join(Separator, Watch, deliveryId, trackingToken);

    public static string ArrivalLine(WatcherArrival a) =>
        string.Join(Separator, Arrival, Number(a.Watcher), a.Broadcast ? "b" : "p", Number(a.StampedAt.UtcTicks), Number(a.ReceivedAt.UtcTicks));

    public static string MessageLine(string kind, string text) => string.Join(Separator, kind, text.ReplaceLineEndings(" "));

    /// <summary>A line's kind, and its fields after the kind.</summary>
    public static (string Kind, string[] Fields) Split(string line)
    {
        var parts = line.Split(Separator);
        return (parts[0], parts[1..]);
    }

    public static WatcherArrival ParseArrival(string[] fields) => new(
        int.Parse(fields[0], CultureInfo.InvariantCulture),
        fields[1] == "b",
        new DateTimeOffset(long.Parse(fields[2], CultureInfo.InvariantCulture), TimeSpan.Zero),
        new DateTimeOffset(long.Parse(fields[3], CultureInfo.InvariantCulture), TimeSpan.Zero));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
