using DroneDelivery.GrainInterfaces.Model;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Grains.Webhooks;

public sealed partial class WebhookOutboxGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: webhook {EventId} ({Stage}) sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, string deliveryId, string eventId, DeliveryStage stage, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: webhook {EventId} ({Stage}) attempt {Attempt} failed ({Reason}); next try in {Wait}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string eventId, DeliveryStage stage, int attempt, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: webhook {EventId} ({Stage}) given up after {Attempts} failed attempts ({Reason})")]
    private static partial void LogGivenUp(ILogger logger, string deliveryId, string eventId, DeliveryStage stage, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: webhook events up to {NextSequence} read from the delivery, ahead of (or instead of) its notification")]
    private static partial void LogCaughtUp(ILogger logger, string deliveryId, int nextSequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: every webhook is out; the outbox is deleted")]
    private static partial void LogFinished(ILogger logger, string deliveryId);
}
