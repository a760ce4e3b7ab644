using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.History;

namespace DroneDelivery.Tests.Unit;

public sealed class HistoryBatchesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_partition_is_written_in_transactions_of_at_most_100_rows_and_flights_go_to_their_own_table()
    {
        var records = Enumerable.Range(0, 250).Select(i => Record($"d{i}", "biz-1", "drone-1", At.AddSeconds(i))).ToList();

        var batches = HistoryBatches.Plan(records);

        Assert.Equal([100, 100, 50], batches.Where(b => b.Table == HistoryTables.Deliveries).Select(b => b.Rows.Count));
        Assert.Equal([100, 100, 50], batches.Where(b => b.Table == HistoryTables.Flights).Select(b => b.Rows.Count));
        Assert.All(batches, b => Assert.All(b.Rows, r => Assert.Equal(b.PartitionKey, r.PartitionKey)));
        Assert.Equal("biz-1|2026-11", batches[0].PartitionKey);
    }

    [Fact]
    public void The_same_delivery_twice_is_one_row_and_months_are_partitions_of_their_own()
    {
        var record = Record("d1", "biz-1", "drone-1", At);
        var batches = HistoryBatches.Plan([record, record, Record("d2", "biz-1", null, At.AddMonths(1))]);

        var deliveries = batches.Where(b => b.Table == HistoryTables.Deliveries).ToList();
        Assert.Equal(["biz-1|2026-11", "biz-1|2026-12"], deliveries.Select(b => b.PartitionKey));
        Assert.Single(deliveries[0].Rows);
        Assert.Equal("drone-1|2026-11", Assert.Single(batches, b => b.Table == HistoryTables.Flights).PartitionKey);
    }

    [Fact]
    public void Rows_of_a_business_sort_by_finish_time_and_read_back_as_written()
    {
        var early = HistoryEntities.ToEntity(Record("zz", "biz-1", "drone-1", At));
        var late = HistoryEntities.ToEntity(Record("aa", "biz-1", "drone-1", At.AddTicks(1)));
        Assert.True(string.CompareOrdinal(early.RowKey, late.RowKey) < 0);

        var record = Record("d1", "biz-1", "drone-1", At);
        var copy = HistoryEntities.FromEntity(HistoryEntities.ToEntity(record));
        Assert.Equal(record with { Milestones = [] }, copy with { Milestones = [] });
        Assert.Equal(record.Milestones, copy.Milestones);
    }

    [Fact]
    public void Milestones_too_long_for_one_property_keep_the_first_and_the_last()
    {
        var many = Enumerable.Range(0, 2000).Select(i => new Milestone(DeliveryStage.AwaitingDrone, At.AddSeconds(i), new Location(47.6, -122.3), $"Rescheduled, attempt {i}.")).ToList();

        var (json, truncated) = HistoryEntities.MilestonesJson(many);

        Assert.True(truncated);
        Assert.InRange(json.Length, 1, HistoryEntities.MaxMilestonesChars);
        Assert.Contains("attempt 0.", json, StringComparison.Ordinal);
        Assert.Contains("attempt 1999.", json, StringComparison.Ordinal);
    }

    private static DeliveryHistoryRecord Record(string id, string ownerId, string? droneId, DateTimeOffset finishedAt) => new(
        id, ownerId, id, PackageSize.Medium, 2.5, droneId, DeliveryStage.Delivered, finishedAt.AddMinutes(-30), finishedAt.AddMinutes(-29),
        finishedAt.AddMinutes(-10), finishedAt, finishedAt.AddMinutes(5), 6.25, droneId is null ? null : finishedAt.AddMinutes(-20),
        [new Milestone(DeliveryStage.Requested, finishedAt.AddMinutes(-30), new Location(47.6, -122.3), null), new Milestone(DeliveryStage.Delivered, finishedAt, null, "Delivered.")]);
}
