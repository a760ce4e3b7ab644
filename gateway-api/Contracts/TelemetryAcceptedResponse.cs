namespace DroneDelivery.GatewayApi.Contracts;

/// <param name="Accepted">Fixes published to the telemetry streams.</param>
public sealed record TelemetryAcceptedResponse(int Accepted);
