using Azure;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.ServiceDefaults.History;

/// <summary>
/// Writes history records in entity group transactions with upsert-replace: a row written again
/// is replaced by an equal one, never duplicated. One per process; creates the tables once.
/// </summary>
public sealed class HistoryStore(TableServiceClient tables)
{
    private readonly Lock _gate = new();
    private Task? _created;

    /// <summary>
    /// Writes the records; answers the deliveries whose rows could not all be written, with the
    /// error. Transactions are independent, so one partition's failure fails only its deliveries.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Exception>> WriteAsync(IReadOnlyList<DeliveryHistoryRecord> records, CancellationToken cancellationToken = default)
    {
        var failures = new Dictionary<string, Exception>(StringComparer.Ordinal);
        try
        {
            await EnsureTablesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return records.Select(r => r.DeliveryId).Distinct().ToDictionary(id => id, _ => e, StringComparer.Ordinal);
        }

        var batches = HistoryBatches.Plan(records);
        var results = await Task.WhenAll(batches.Select(b => SubmitAsync(b, cancellationToken)));
        foreach (var (batch, error) in batches.Zip(results))
        {
            if (error is not null)
            {
                foreach (var id in batch.DeliveryIds)
                {
                    failures[id] = error;
                }
            }
        }

        return failures;
    }

    private async Task<Exception?> SubmitAsync(HistoryBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var actions = batch.Rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            await tables.GetTableClient(batch.Table).SubmitTransactionAsync(actions, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is RequestFailedException { Status: 404 })
            {
                // The table is gone (deleted by hand?): the next write creates it again.
                lock (_gate)
                {
                    _created = null;
                }
            }

            return e;
        }
    }

    /// <summary>Creates both tables the first time; a failed attempt is tried again by the next write.</summary>
    private Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_created is { IsFaulted: true } or { IsCanceled: true })
            {
                _created = null;
            }

            return _created ??= CreateAsync(cancellationToken);
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await tables.CreateTableIfNotExistsAsync(HistoryTables.Deliveries, cancellationToken);
        await tables.CreateTableIfNotExistsAsync(HistoryTables.Flights, cancellationToken);
    }
}
