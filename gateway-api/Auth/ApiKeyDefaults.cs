namespace DroneDelivery.GatewayApi.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string BusinessIdClaim = "business_id";
    public const string BusinessRole = "business";
    public const string OperatorRole = "operator";

    /// <summary>Authorization policy of the business endpoints.</summary>
    public const string BusinessPolicy = "Business";

    /// <summary>Authorization policy of the operator endpoints.</summary>
    public const string OperatorPolicy = "Operator";
}
