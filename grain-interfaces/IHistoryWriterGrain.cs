using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// Writes finished deliveries (and the flights behind them) to the history tables, in batches.
/// A stateless worker: key it with <see cref="GrainKeys.HistoryWriter"/>. It calls nothing but
/// storage, so a delivery may await it without any risk of a call cycle.
/// </summary>
[Alias("IHistoryWriterGrain")]
public interface IHistoryWriterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Completes once the record is stored. Idempotent: the record's keys are derived from the
    /// delivery, so writing it again replaces the row with an equal one. Throws if storage failed;
    /// the caller keeps the record pending and tries again.
    /// </summary>
    [Alias("Write")]
    Task WriteAsync(DeliveryHistoryRecord record);
}
