using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The drone on the operators' live fleet map: its cell's feed hears of every change of status
/// at once, and of its position at most every <see cref="DroneFlightOptions.FleetFeedInterval"/>.
/// A fix that comes too soon is not dropped but sent at the end of the interval, so the map
/// always ends up with the drone's last position. One-way, and nothing is stored.
/// </summary>
public sealed partial class DroneGrain
{
    private DateTimeOffset _lastFeedReport = DateTimeOffset.MinValue;
    private IGrainTimer? _feedTimer;
    private readonly KeptGrainReference<IFleetCellFeedGrain> _feed = new();
    private double _headingDeg;

    private void ReportToFleetFeed(bool statusChanged)
    {
        if (state.State.HomeCell is null)
        {
            return;
        }

        var wait = _lastFeedReport + flight.Value.FleetFeedInterval - time.GetUtcNow();
        if (statusChanged || wait <= TimeSpan.Zero)
        {
            SendToFleetFeed();
        }
        else
        {
            _feedTimer ??= this.RegisterGrainTimer(
                () =>
                {
                    SendToFleetFeed();
                    return Task.CompletedTask;
                },
                new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
        }
    }

    private void SendToFleetFeed()
    {
        _feedTimer?.Dispose();
        _feedTimer = null;
        _lastFeedReport = time.GetUtcNow();
        var feed = _feed.For(GrainFactory, state.State.HomeCell!);
        var report = InFleet
            ? feed.ReportAsync(new FleetDronePosition(Id, state.State.Position!, _headingDeg, state.State.Status, state.State.LastFixAt ?? _lastFeedReport))
            : feed.RemoveAsync(Id);
        report.Ignore();
    }
}
