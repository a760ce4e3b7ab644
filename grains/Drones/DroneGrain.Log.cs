using DroneDelivery.GrainInterfaces.Model;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Grains.Drones;

public sealed partial class DroneGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Drone {DroneId} took delivery {DeliveryId}")]
    private static partial void LogAssigned(ILogger logger, string droneId, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drone {DroneId} on delivery {DeliveryId}: {Phase}")]
    private static partial void LogPhase(ILogger logger, string droneId, string deliveryId, DroneProgressKind phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drone {DroneId} abandoned delivery {DeliveryId}: {Reason}")]
    private static partial void LogAborted(ILogger logger, string droneId, string deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drone {DroneId} went Offline after {Silence} without a fix; its delivery {DeliveryId} was abandoned")]
    private static partial void LogOffline(ILogger logger, string droneId, TimeSpan silence, string? deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drone {DroneId} has stood at its base for {Silence} in the middle of delivery {DeliveryId}; the delivery was abandoned")]
    private static partial void LogParkedMidMission(ILogger logger, string droneId, TimeSpan silence, string deliveryId);
}
