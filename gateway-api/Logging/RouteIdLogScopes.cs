namespace DroneDelivery.GatewayApi.Logging;

/// <summary>
/// Requests for one delivery (<c>/api/deliveries/{id}/...</c>, <c>/track/{id}</c>) or one drone
/// (<c>/api/drones/{id}/...</c>) log with <c>DeliveryId</c> or <c>DroneId</c> as a scope, whoever
/// writes the log: authentication, the handler, the exception handler, the request log.
/// </summary>
public static class RouteIdLogScopes
{
    private static readonly Func<ILogger, string, IDisposable?> DeliveryScope = LoggerMessage.DefineScope<string>("DeliveryId:{DeliveryId}");
    private static readonly Func<ILogger, string, IDisposable?> DroneScope = LoggerMessage.DefineScope<string>("DroneId:{DroneId}");

    /// <summary>Runs after routing (route values are known) and before everything that logs.</summary>
    public static WebApplication UseRouteIdLogScopes(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RouteIdLogScopes));
        app.Use(async (context, next) =>
        {
            using var scope = Open(logger, context);
            await next(context);
        });
        return app;
    }

    private static IDisposable? Open(ILogger logger, HttpContext context)
    {
        if (context.GetRouteValue("id") is not string id)
        {
            return null;
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/deliveries") || path.StartsWithSegments("/track"))
        {
            return DeliveryScope(logger, id);
        }

        return path.StartsWithSegments("/api/drones") ? DroneScope(logger, id) : null;
    }
}
