namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>Where a business's webhooks go, and the secret that signs them.</summary>
[GenerateSerializer, Immutable, Alias("WebhookTarget")]
public sealed record WebhookTarget(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret);
