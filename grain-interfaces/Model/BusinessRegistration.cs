namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>
/// A new business. The gateway sends only the hash of the API key it issued: the key itself never
/// reaches the cluster or its storage.
/// </summary>
[GenerateSerializer, Immutable, Alias("BusinessRegistration")]
public sealed record BusinessRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] string? WebhookUrl,
    [property: Id(2)] string ApiKeyId,
    [property: Id(3)] byte[] ApiKeyHash);
