using Azure;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.History;

namespace DroneDelivery.GatewayApi.History;

/// <summary>
/// Reads the history tables straight from the gateway. History rows never change once written,
/// so there is nothing a grain could add (no state to guard, no cache to keep right); a query
/// through one would only cost a hop and load a silo. Readers scale with the gateways.
/// </summary>
public sealed class HistoryReader(TableServiceClient tables)
{
    // Everything but the milestones, which no listing or sum needs; the keys too, which a selection leaves out unless named.
    private static readonly string[] SummaryColumns =
    [
        "PartitionKey", "RowKey",
        nameof(DeliveryHistoryRecord.DeliveryId), nameof(DeliveryHistoryRecord.OwnerId), nameof(DeliveryHistoryRecord.PackageId),
        nameof(DeliveryHistoryRecord.PackageSize), nameof(DeliveryHistoryRecord.WeightKg), nameof(DeliveryHistoryRecord.DroneId),
        nameof(DeliveryHistoryRecord.FinalStage), nameof(DeliveryHistoryRecord.RequestedAt), nameof(DeliveryHistoryRecord.ScheduledAt),
        nameof(DeliveryHistoryRecord.PickedUpAt), nameof(DeliveryHistoryRecord.FinishedAt), nameof(DeliveryHistoryRecord.Deadline),
        nameof(DeliveryHistoryRecord.DistanceKm), nameof(DeliveryHistoryRecord.TookOffAt),
    ];

    /// <summary>
    /// A business's finished deliveries, oldest finish first, optionally of one final stage and
    /// finished within [<paramref name="from"/>, <paramref name="to"/>): a key range over its
    /// month partitions, filtered by stage on the server.
    /// </summary>
    public async Task<(IReadOnlyList<DeliveryHistoryRecord> Items, HistoryContinuationToken? Next)> ListAsync(
        string businessId, DeliveryStage? stage, DateTimeOffset? from, DateTimeOffset? to, int limit, HistoryContinuationToken? after, CancellationToken cancellationToken)
    {
        // Ids never hold the separator, so a business's partitions are exactly those between "{id}|" and "{id}}".
        var lowest = from is { } f ? HistoryTables.DeliveryPartition(businessId, f) : businessId + HistoryTables.Separator;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {lowest}");
        filter += to is { } t
            ? " and " + TableClient.CreateQueryFilter($"PartitionKey le {HistoryTables.DeliveryPartition(businessId, t)} and RowKey lt {HistoryTables.TimeKey(t)}")
            : " and " + TableClient.CreateQueryFilter($"PartitionKey lt {businessId + (char)(HistoryTables.Separator + 1)}");
        if (from is { } start)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {HistoryTables.TimeKey(start)}");
        }

        if (stage is { } s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"FinalStage eq {s.ToString()}");
        }

        if (after is { } a)
        {
            filter += " and " + TableClient.CreateQueryFilter($"(PartitionKey gt {a.PartitionKey} or (PartitionKey eq {a.PartitionKey} and RowKey gt {a.RowKey}))");
        }

        // One more than asked for tells whether there is a next page.
        var rows = await QueryAsync(HistoryTables.Deliveries, filter, limit + 1, SummaryColumns, cancellationToken);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new HistoryContinuationToken(page[^1].PartitionKey, page[^1].RowKey) : (HistoryContinuationToken?)null;
        return ([.. page.Select(HistoryEntities.FromEntity)], next);
    }

    /// <summary>Every delivery of a business that finished in one month: one partition.</summary>
    public async Task<IReadOnlyList<DeliveryHistoryRecord>> MonthAsync(string businessId, int year, int month, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HistoryTables.DeliveryPartition(businessId, year, month)}");
        var rows = await QueryAsync(HistoryTables.Deliveries, filter, int.MaxValue, SummaryColumns, cancellationToken);
        return [.. rows.Select(HistoryEntities.FromEntity)];
    }

    /// <summary>Every flight of a drone that ended in one month: one partition.</summary>
    public async Task<IReadOnlyList<FlightHistory>> FlightsAsync(string droneId, int year, int month, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HistoryTables.FlightPartition(droneId, year, month)}");
        var rows = await QueryAsync(HistoryTables.Flights, filter, int.MaxValue, null, cancellationToken);
        return [.. rows.Select(HistoryEntities.FlightFromEntity)];
    }

    private async Task<List<TableEntity>> QueryAsync(string table, string filter, int max, string[]? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        try
        {
            var query = tables.GetTableClient(table).QueryAsync<TableEntity>(
                filter, maxPerPage: Math.Clamp(max, 1, 1000), select: select, cancellationToken: cancellationToken);
            await foreach (var row in query)
            {
                rows.Add(row);
                if (rows.Count >= max)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            // No delivery has finished yet anywhere: the table doesn't exist, the history is empty.
        }

        return rows;
    }
}
