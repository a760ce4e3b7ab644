namespace DroneDelivery.GatewayApi.Contracts;

/// <param name="Id">The business id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ApiKey">The API key, for the <c>X-Api-Key</c> header. Shown only this once.</param>
/// <param name="WebhookSecret">The secret webhooks are signed with, when a webhook URL was given. Shown only this once.</param>
public sealed record BusinessCreatedResponse(string Id, string Name, string ApiKey, string? WebhookSecret);
