namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A registered business and the webhook secret, returned this once.</summary>
[GenerateSerializer, Immutable, Alias("BusinessCreated")]
public sealed record BusinessCreated(
    [property: Id(0)] BusinessDetails Business,
    [property: Id(1)] string? WebhookSecret);
