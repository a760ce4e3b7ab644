using DroneDelivery.GatewayApi.History;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.History;

namespace DroneDelivery.Tests.Unit;

public sealed class MonthlySummaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_by_final_stage_and_sums_weight_delivered_distance_flown_and_minutes_to_delivery()
    {
        var records = new[]
        {
            Record(DeliveryStage.Delivered, weightKg: 2, km: 3, minutes: 30, deadlineMinutes: 40),  // on time
            Record(DeliveryStage.Delivered, weightKg: 1, km: 5, minutes: 50, deadlineMinutes: 45),  // late
            Record(DeliveryStage.Delivered, weightKg: 4, km: 2, minutes: 10, deadlineMinutes: null), // no promise
            Record(DeliveryStage.Cancelled, weightKg: 8, km: 1.5, minutes: 5, deadlineMinutes: 60),
            Record(DeliveryStage.Failed, weightKg: 16, km: 0.5, minutes: 20, deadlineMinutes: 60),
        };

        var summary = MonthlySummary.From(2026, 11, records);

        Assert.Equal(new MonthlySummary(2026, 11, 5, 3, 1, 1, 0.5, 7, 12, 30), summary);
    }

    [Fact]
    public void An_empty_month_is_all_zero_and_has_no_rate_or_average()
    {
        Assert.Equal(new MonthlySummary(2026, 2, 0, 0, 0, 0, null, 0, 0, null), MonthlySummary.From(2026, 2, []));
    }

    [Fact]
    public void A_month_whose_deliveries_had_no_deadline_has_no_on_time_rate()
    {
        var summary = MonthlySummary.From(2026, 11, [Record(DeliveryStage.Delivered, 1, 1, 12, null)]);
        Assert.Null(summary.OnTimeRate);
        Assert.Equal(12, summary.AverageDeliveryMinutes);
    }

    [Fact]
    public void Utilization_counts_flights_distance_and_hours_in_the_air()
    {
        var utilization = DroneUtilization.From(
        [
            new FlightHistory("d1", "a", Start, Start.AddMinutes(30), 7.5),
            new FlightHistory("d1", "b", Start.AddHours(2), Start.AddHours(3), 12),
        ]);
        Assert.Equal(new DroneUtilization(2, 19.5, 1.5), utilization);
    }

    private static DeliveryHistoryRecord Record(DeliveryStage stage, double weightKg, double km, double minutes, double? deadlineMinutes) => new(
        Guid.NewGuid().ToString("N"), "biz-1", "p", PackageSize.Small, weightKg, "drone-1", stage, Start, Start, Start,
        Start.AddMinutes(minutes), deadlineMinutes is { } d ? Start.AddMinutes(d) : null, km, Start, []);
}
