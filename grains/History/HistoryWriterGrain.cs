using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Diagnostics;
using DroneDelivery.ServiceDefaults.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace DroneDelivery.Grains.History;

/// <summary>
/// Gathers finished deliveries for <see cref="HistoryOptions.FlushDelay"/> and writes them as entity
/// group transactions, so a busy silo makes one storage call per partition per flush rather than
/// one per delivery. A stateless worker: every silo writes the records of its own deliveries
/// locally, and no single grain stands in the way. Reentrant, so records that arrive while a flush
/// is being written join the buffer instead of queueing behind it; that is safe because the only
/// state is the buffer, swapped out whole between awaits on the activation's one thread. It calls
/// no grain, so a delivery awaiting it can never be part of a call cycle.
/// </summary>
[GrainType("history-writer")]
[StatelessWorker(1)]
[Reentrant]
public sealed partial class HistoryWriterGrain(
    HistoryStore store,
    IOptions<HistoryOptions> options,
    TimeProvider time,
    DroneDeliveryMetrics metrics,
    ILogger<HistoryWriterGrain> logger) : Grain, IHistoryWriterGrain
{
    private List<PendingRecord> _buffer = [];
    private bool _flushScheduled;

    public Task WriteAsync(DeliveryHistoryRecord record)
    {
        var pending = new PendingRecord(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _buffer.Add(pending);
        if (_buffer.Count >= HistoryBatches.MaxRows)
        {
            FlushAsync().Ignore();
        }
        else if (!_flushScheduled)
        {
            _flushScheduled = true;
            FlushLaterAsync().Ignore();
        }

        return pending.Written.Task;
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(options.Value.FlushDelay, time);
        _flushScheduled = false;
        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        var batch = _buffer;
        _buffer = [];
        if (batch.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, Exception> failures;
        try
        {
            failures = await store.WriteAsync([.. batch.Select(p => p.Record)]);
        }
        catch (Exception e)
        {
            failures = batch.Select(p => p.Record.DeliveryId).Distinct().ToDictionary(id => id, _ => e, StringComparer.Ordinal);
        }

        foreach (var pending in batch)
        {
            if (failures.TryGetValue(pending.Record.DeliveryId, out var error))
            {
                // The caller keeps its record pending and tries again; say why without storage's own types.
                pending.Written.TrySetException(new InvalidOperationException($"The history record of delivery {pending.Record.DeliveryId} was not written: {error.Message}"));
            }
            else
            {
                pending.Written.TrySetResult();
            }
        }

        var written = batch.Count(p => !failures.ContainsKey(p.Record.DeliveryId));
        metrics.HistoryWritten(written, batch.Count - written);
        if (failures.Count > 0)
        {
            LogWriteFailed(logger, failures.Values.First(), failures.Count, batch.Count);
        }
    }

    private sealed record PendingRecord(DeliveryHistoryRecord Record, TaskCompletionSource Written);
}
