using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Scenarios;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// The fan-out's watchers run in a child process: when they cannot connect, the bench learns why
/// from it at once, instead of waiting for watchers that will never be in.
/// </summary>
public sealed class WatcherProcessTests
{
    [Fact]
    public async Task A_gateway_nobody_listens_on_fails_the_start_with_the_childs_reason()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var path = FixPath.TryPlan(new GeoPoint(46.1, -121.9), new GeoPoint(46.11, -121.9), new GeoPoint(46.12, -121.9))!;
        TrackedDelivery[] watched = [new("delivery-1", "token", "drone-1", path)];

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            WatcherProcess.StartAsync(nowhere, watched, _ => { }, CancellationToken.None));

        Assert.Contains("The watchers' process failed", failure.Message);
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
    }
}
