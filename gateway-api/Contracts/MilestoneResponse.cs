using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record MilestoneResponse(DeliveryStage Stage, DateTimeOffset At, LocationDto? Location, string? Note);
