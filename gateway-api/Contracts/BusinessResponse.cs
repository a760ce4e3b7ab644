namespace DroneDelivery.GatewayApi.Contracts;

public sealed record BusinessResponse(string Id, string Name, string? WebhookUrl, DateTimeOffset CreatedAt);
