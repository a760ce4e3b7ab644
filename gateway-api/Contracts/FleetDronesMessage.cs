namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>
/// The <c>drones</c> message of the fleet hub: the drones that changed since the connection's
/// last message and those that left the fleet. <paramref name="Full"/>: the whole fleet, replacing
/// what the client had.
/// </summary>
public sealed record FleetDronesMessage(bool Full, IReadOnlyList<FleetDroneMessage> Drones, IReadOnlyList<string> Removed);
