using DroneDelivery.ServiceDefaults.Streaming;

namespace DroneDelivery.Silo.Streaming.EventHubs;

public sealed partial class TelemetryEventDataAdapter
{
    // The payload stays out of the log: it is the drone's, may be large, and may be anything at all.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped telemetry event {SequenceNumber} of partition {Partition} (partition key {PartitionKey}, {BodyBytes} bytes): {Reason}")]
    private static partial void LogSkipped(ILogger logger, long sequenceNumber, string partition, string? partitionKey, int bodyBytes, TelemetryRejection reason);
}
