using DroneDelivery.Simulator.Flight;
using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>
/// A drone's mission channel: one long-poll after another, each waiting for the version after the
/// last one seen, so a new, changed or cancelled mission reaches the drone within a round trip.
/// </summary>
public sealed partial class MissionFeed(GatewayClient gateway, TimeProvider time, ILogger<MissionFeed> logger)
{
    // An answer with an unchanged version should only come after the full wait; one that comes
    // sooner means a gateway not honouring the wait, and looping on it would hammer it.
    private static readonly TimeSpan ShortestUnchangedPoll = TimeSpan.FromSeconds(1);

    /// <summary>Follows the drone's missions until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task FollowAsync(SimulatedDrone drone, CancellationToken cancellationToken)
    {
        long? version = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            var answer = await gateway.WaitForMissionAsync(drone.Id, version, GatewayClient.MaxMissionWaitSeconds, cancellationToken);
            if (answer.Version == version)
            {
                var took = time.GetElapsedTime(started);
                if (took < ShortestUnchangedPoll)
                {
                    await Task.Delay(ShortestUnchangedPoll - took, time, cancellationToken);
                }

                continue;
            }

            version = answer.Version;
            if (answer.Mission is null)
            {
                LogNoMission(logger, drone.Id, answer.Version);
                drone.Apply(null);
            }
            else if (ToPlan(answer.Mission) is { } mission)
            {
                LogMission(logger, drone.Id, answer.Version, mission.DeliveryId);
                drone.Apply(mission);
            }
            else
            {
                LogMalformed(logger, drone.Id, answer.Version);
            }
        }
    }

    public static MissionPlan? ToPlan(MissionDto mission) =>
        mission is { DeliveryId: { Length: > 0 } deliveryId, Pickup: { } pickup, Dropoff: { } dropoff }
            ? new MissionPlan(deliveryId, pickup.ToGeoPoint(), dropoff.ToGeoPoint(), mission.ConfirmationRequired, mission.PickupEta)
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Drone {DroneId} has mission {DeliveryId} (version {Version})")]
    private static partial void LogMission(ILogger logger, string droneId, long version, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drone {DroneId} has no mission (version {Version})")]
    private static partial void LogNoMission(ILogger logger, string droneId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drone {DroneId} ignored mission version {Version}: it lacks a delivery id, pickup or drop-off")]
    private static partial void LogMalformed(ILogger logger, string droneId, long version);
}
