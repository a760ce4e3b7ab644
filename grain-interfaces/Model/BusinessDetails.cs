namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("BusinessDetails")]
public sealed record BusinessDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? WebhookUrl,
    [property: Id(3)] DateTimeOffset CreatedAt);
