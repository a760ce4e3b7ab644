namespace DroneDelivery.GatewayApi.Validation;

public static class ValidationExtensions
{
    /// <summary>Validates the requests of every endpoint of the group.</summary>
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ValidationFilter>();
}
