namespace DroneDelivery.Grains.Business;

/// <summary>A live API key of a business: its public id and the SHA-256 of the whole key.</summary>
[GenerateSerializer, Immutable, Alias("ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] byte[] Hash,
    [property: Id(2)] DateTimeOffset CreatedAt);
