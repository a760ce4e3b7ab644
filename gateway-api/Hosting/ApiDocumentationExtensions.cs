using DroneDelivery.GatewayApi.Apis;
using DroneDelivery.GatewayApi.Auth;
using Microsoft.OpenApi;

namespace DroneDelivery.GatewayApi.Hosting;

public static class ApiDocumentationExtensions
{
    /// <summary>Swagger at <c>/swagger</c>, with the request and response schemas and their examples.</summary>
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<TrackingLinks>();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Fabrikam Drone Delivery API",
                Version = "v1",
                Description = "Businesses request deliveries and follow them; operators run the fleet. Authenticate with the X-Api-Key header.",
            });
            options.AddSecurityDefinition(ApiKeyDefaults.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyDefaults.HeaderName,
                Description = "A business key (from POST /api/businesses) or an operator key.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [],
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{typeof(ApiDocumentationExtensions).Assembly.GetName().Name}.xml");
            options.IncludeXmlComments(xml);
        });
        return builder;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI();
        return app;
    }
}
