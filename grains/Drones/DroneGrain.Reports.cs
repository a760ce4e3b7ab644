using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// The drone's record of what it reported. Changes of phase go to the delivery one-way, after the
/// drone stored them, so a silo that is stopping or dies can drop them; each is kept here with
/// the state, and the delivery's reminder asks for them when it may have missed one.
/// </summary>
public sealed partial class DroneGrain
{
    // Outlasts the missions a drone can fly between two reminder ticks of a delivery.
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

        return progress;
    }
}
