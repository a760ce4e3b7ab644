using Microsoft.Extensions.Logging;

namespace DroneDelivery.Grains.History;

public sealed partial class HistoryWriterGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "History: {Failed} of {Total} records not written; their deliveries will try again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int failed, int total);
}
