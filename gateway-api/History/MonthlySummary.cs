using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.History;

/// <summary>
/// A business's month of finished deliveries, added up. <see cref="Requested"/> counts every
/// delivery that finished in the month, whatever its final stage. <see cref="OnTimeRate"/> is, of
/// the delivered ones that had a deadline, the share delivered by it (0 to 1; null if none had one).
/// <see cref="TotalWeightKg"/> is the weight delivered; <see cref="DistanceKm"/> what drones flew for
/// all of them; <see cref="AverageDeliveryMinutes"/> the mean time from request to delivery (null
/// if none was delivered).
/// </summary>
public sealed record MonthlySummary(
    int Year,
    int Month,
    int Requested,
    int Delivered,
    int Cancelled,
    int Failed,
    double? OnTimeRate,
    double TotalWeightKg,
    double DistanceKm,
    double? AverageDeliveryMinutes)
{
    public static MonthlySummary From(int year, int month, IEnumerable<DeliveryHistoryRecord> records)
    {
        var all = records.ToList();
        var delivered = all.Where(r => r.FinalStage == DeliveryStage.Delivered).ToList();
        var judged = delivered.Where(r => r.OnTime is not null).ToList();
        return new MonthlySummary(
            year,
            month,
            all.Count,
            delivered.Count,
            all.Count(r => r.FinalStage == DeliveryStage.Cancelled),
            all.Count(r => r.FinalStage == DeliveryStage.Failed),
            judged.Count == 0 ? null : (double)judged.Count(r => r.OnTime == true) / judged.Count,
            delivered.Sum(r => r.WeightKg),
            all.Sum(r => r.DistanceKm),
            delivered.Count == 0 ? null : delivered.Average(r => (r.FinishedAt - r.RequestedAt).TotalMinutes));
    }
}
