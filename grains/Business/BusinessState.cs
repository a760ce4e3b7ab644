namespace DroneDelivery.Grains.Business;

[GenerateSerializer, Alias("BusinessState")]
public sealed class BusinessState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string? WebhookUrl { get; set; }
    [Id(2)] public string? WebhookSecret { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public List<ApiKeyRecord> ApiKeys { get; set; } = [];
}
