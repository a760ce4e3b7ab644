using DroneDelivery.GatewayApi.Apis;
using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Errors;
using DroneDelivery.GatewayApi.History;
using DroneDelivery.GatewayApi.Logging;
using DroneDelivery.GatewayApi.Pages;
using DroneDelivery.GatewayApi.RateLimiting;
using DroneDelivery.GatewayApi.Tracking;
using DroneDelivery.ServiceDefaults;
using DroneDelivery.ServiceDefaults.Logging;

namespace DroneDelivery.GatewayApi.Hosting;

/// <summary>Builds the gateway; the tests start the very same app on a real port.</summary>
public static class GatewayApplication
{
    public static WebApplication Create(string[] args) => Create(args, configure: null);

    /// <param name="args">Command-line arguments, the last configuration source.</param>
    /// <param name="configure">Last changes to the builder (tests add log recorders).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddGatewayOptions();
        builder.AddTrustedProxies();
        builder.AddClusterClient();
        builder.AddApiJson();
        builder.AddApiKeyAuthentication();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.AddApiDocumentation();
        builder.AddLiveTracking();
        builder.AddApiRateLimits();
        builder.Services.AddSingleton<HistoryReader>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseTrustedProxies();
        app.UseRouting();
        app.UseRouteIdLogScopes();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiDocumentation();
        app.MapDefaultEndpoints();
        app.MapBusinessesApi();
        app.MapDeliveriesApi();
        app.MapPackagesApi();
        app.MapDronesApi();
        app.MapFleetApi();
        app.MapDroneChannelApi();
        app.MapLiveTracking();
        app.MapPages();
        app.MapHistoryApi();
        return app;
    }
}
