namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>A live API key of a business, as it may be shown: its id and age, never the key or its hash.</summary>
[GenerateSerializer, Immutable, Alias("ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] DateTimeOffset CreatedAt);
