using System.ComponentModel.DataAnnotations;

namespace DroneDelivery.Grains.History;

/// <summary>How finished deliveries reach the history tables. Section <c>DroneDelivery:History</c>.</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "DroneDelivery:History";

    /// <summary>
    /// How long the history writer gathers records before it writes them as one batch per partition.
    /// Longer batches more; it is also how long a finished delivery waits for its record. Default: 100 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Period of the reminder that writes a finished delivery's record again while it is not yet
    /// stored (storage down, silo lost). Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
