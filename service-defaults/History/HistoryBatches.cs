using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.ServiceDefaults.History;

/// <summary>One entity group transaction: up to 100 rows of one partition of one table, and the deliveries they belong to.</summary>
public sealed record HistoryBatch(string Table, string PartitionKey, IReadOnlyList<TableEntity> Rows, IReadOnlySet<string> DeliveryIds);

public static class HistoryBatches
{
    /// <summary>Most rows one entity group transaction may hold.</summary>
    public const int MaxRows = 100;

    /// <summary>A transaction's payload is at most 4 MiB; stay well below it (characters count twice as UTF-16 bytes, a fair upper bound).</summary>
    public const int MaxChars = 1_500_000;

    /// <summary>
    /// Splits records into transactions: a delivery row per record and a flight row per record a
    /// drone flew, grouped by table and partition. A row repeated in the input (the same delivery
    /// written twice) appears once, since a transaction may not touch a row twice.
    /// </summary>
    public static IReadOnlyList<HistoryBatch> Plan(IEnumerable<DeliveryHistoryRecord> records)
    {
        var rows = new Dictionary<(string Table, string Partition, string Row), (TableEntity Entity, string DeliveryId)>();
        foreach (var record in records)
        {
            var delivery = HistoryEntities.ToEntity(record);
            rows[(HistoryTables.Deliveries, delivery.PartitionKey, delivery.RowKey)] = (delivery, record.DeliveryId);
            if (HistoryEntities.Flight(record) is { } flight)
            {
                var flightRow = HistoryEntities.ToEntity(flight);
                rows[(HistoryTables.Flights, flightRow.PartitionKey, flightRow.RowKey)] = (flightRow, record.DeliveryId);
            }
        }

        var batches = new List<HistoryBatch>();
        foreach (var partition in rows.GroupBy(r => (r.Key.Table, r.Key.Partition)))
        {
            var chunk = new List<(TableEntity Entity, string DeliveryId)>();
            var chars = 0;
            foreach (var row in partition.OrderBy(r => r.Key.Row, StringComparer.Ordinal).Select(r => r.Value))
            {
                var size = Size(row.Entity);
                if (chunk.Count == MaxRows || (chunk.Count > 0 && chars + size > MaxChars))
                {
                    batches.Add(Batch(partition.Key.Table, partition.Key.Partition, chunk));
                    chunk = [];
                    chars = 0;
                }

                chunk.Add(row);
                chars += size;
            }

            batches.Add(Batch(partition.Key.Table, partition.Key.Partition, chunk));
        }

        return batches;
    }

    private static HistoryBatch Batch(string table, string partition, List<(TableEntity Entity, string DeliveryId)> chunk) =>
        new(table, partition, [.. chunk.Select(c => c.Entity)], chunk.Select(c => c.DeliveryId).ToHashSet(StringComparer.Ordinal));

    private static int Size(TableEntity entity) =>
        entity.Sum(p => p.Key.Length + (p.Value is string s ? s.Length : 16));
}
