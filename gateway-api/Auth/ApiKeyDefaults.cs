namespace DroneDelivery.GatewayApi.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string BusinessIdClaim = "business_id";
    public const string BusinessRole = "business";
    public const string OperatorRole = "operator";
    public const string DroneRole = "drone";

    /// <summary>Where SignalR hubs live; the only paths an operator ticket opens.</summary>
    public const string HubsPath = "/hubs";

    /// <summary>Authorization policy of the business endpoints.</summary>
    public const string BusinessPolicy = "Business";

    /// <summary>Authorization policy of the operator endpoints.</summary>
    public const string OperatorPolicy = "Operator";

    /// <summary>Authorization policy of the drone channel: drone keys, and operator keys.</summary>
    public const string DronePolicy = "Drone";
}
