using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The drone on the operators' live fleet map: its cell's feed hears of every change of status
/// at once, and of its position at most every <see cref="DroneFlightOptions.FleetFeedInterval"/>.
/// One-way, and nothing is stored.
/// </summary>
public sealed partial class DroneGrain
{
    private DateTimeOffset _lastFeedReport = DateTimeOffset.MinValue;
    private double _headingDeg;

    private void ReportToFleetFeed(bool statusChanged)
    {
        if (state.State.HomeCell is not { } cell)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (!statusChanged && now - _lastFeedReport < flight.Value.FleetFeedInterval)
        {
            return;
        }

        _lastFeedReport = now;
        var feed = GrainFactory.GetGrain<IFleetCellFeedGrain>(cell);
        var report = InFleet
            ? feed.ReportAsync(new FleetDronePosition(Id, state.State.Position!, _headingDeg, state.State.Status, state.State.LastFixAt ?? now))
            : feed.RemoveAsync(Id);
        report.Ignore();
    }
}
