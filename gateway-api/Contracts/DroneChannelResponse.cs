using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <param name="DroneId">The drone.</param>
/// <param name="Version">Changes whenever the mission or status does; pass it back as <c>after</c> to wait for the next change.</param>
/// <param name="Status">The drone's status as the backend sees it.</param>
/// <param name="HomeBase">Where the drone returns to.</param>
/// <param name="Mission">The current mission, or null: none, or it was cancelled (fly home).</param>
public sealed record DroneChannelResponse(string DroneId, long Version, DroneStatus Status, LocationDto HomeBase, MissionResponse? Mission)
{
    public static DroneChannelResponse From(DroneChannelState channel) => new(
        channel.DroneId,
        channel.Version,
        channel.Status,
        LocationDto.From(channel.HomeBase)!,
        channel.Mission is null ? null : MissionResponse.From(channel.Mission));
}
