using DroneDelivery.ServiceDefaults.Operator;
using Microsoft.AspNetCore.Authentication;

namespace DroneDelivery.GatewayApi.Auth;

public static class ApiKeyAuthenticationExtensions
{
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OperatorKeys>();
        builder.Services.AddSingleton<OperatorTickets>();
        builder.Services.AddSingleton<RevokedKeys>();
        builder.Services.AddMemoryCache();
        builder.Services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.BusinessPolicy, policy => policy.RequireRole(ApiKeyDefaults.BusinessRole))
            .AddPolicy(ApiKeyDefaults.OperatorPolicy, policy => policy.RequireRole(ApiKeyDefaults.OperatorRole))
            .AddPolicy(ApiKeyDefaults.DronePolicy, policy => policy.RequireRole(ApiKeyDefaults.DroneRole, ApiKeyDefaults.OperatorRole));
        return builder;
    }
}
