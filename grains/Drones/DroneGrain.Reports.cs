using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The drone's record of what it reported. Changes of phase go to the delivery one-way, after the
/// drone stored them, so a silo that is stopping or dies can drop them; each is kept here with
/// the state, and the delivery asks for them when the drone's check shows it missed one. The end
/// of the drone's part stays unsettled until the delivery says it stored it.
/// </summary>
public sealed partial class DroneGrain
{
    // Outlasts the missions a drone can fly before its deliveries settle them.
    private const int ReportsKept = 16;

    public Task<MissionReports> GetMissionReportsAsync(string deliveryId) =>
        Task.FromResult(new MissionReports(
            InFleet && state.State.Mission?.DeliveryId == deliveryId,
            [.. state.State.Reports.Where(r => r.DeliveryId == deliveryId).Select(r => r.Progress)]));

    /// <summary>Keeps a change of phase in the state about to be stored; returns it for sending once it is.</summary>
    private DroneProgress Remember(string deliveryId, DroneProgress progress)
    {
        var reports = state.State.Reports;
        reports.Add(new MissionReport(deliveryId, progress));
        if (reports.Count > ReportsKept)
        {
            reports.RemoveRange(0, reports.Count - ReportsKept);
        }

        var unsettled = state.State.UnsettledDeliveries;
        if (progress.Kind is DroneProgressKind.ArrivedAtDropoff or DroneProgressKind.Aborted && !unsettled.Contains(deliveryId))
        {
            unsettled.Add(deliveryId);
            if (unsettled.Count > ReportsKept)
            {
                // Its reports are gone too: nothing would be left to ask for.
                unsettled.RemoveAt(0);
            }
        }

        return progress;
    }

    /// <summary>When the drone last reported a change of phase of <paramref name="deliveryId"/>; null if it never did.</summary>
    private DateTimeOffset? LastReportAt(string deliveryId) =>
        state.State.Reports.LastOrDefault(r => r.DeliveryId == deliveryId)?.Progress.At;
}
