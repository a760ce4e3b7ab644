using System.Text.Json;
using System.Text.Json.Serialization;
using DroneDelivery.ServiceDefaults.Serialization;

namespace DroneDelivery.GatewayApi.Hosting;

public static class ApiJsonExtensions
{
    /// <summary>
    /// camelCase, enums as exactly one of their names (not a number, not a list), no unknown or
    /// repeated properties: a typo in a field name is an error the client hears about.
    /// </summary>
    public static IHostApplicationBuilder AddApiJson(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The strict converter reads and writes every enum; the framework's one stays behind it only
        // so that Swagger, which looks for it, describes enums as their names.
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
