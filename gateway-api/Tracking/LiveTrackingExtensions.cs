using System.Text.Json.Serialization;
using DroneDelivery.GatewayApi.Fleet;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>Live updates over SignalR: customers' tracking and the operators' fleet map, their hubs and the pumps that feed them.</summary>
public static class LiveTrackingExtensions
{
    public static WebApplicationBuilder AddLiveTracking(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrackingPushOptions>()
            .BindConfiguration(TrackingPushOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TrackingMetrics>();
        builder.Services.AddSingleton<TrackingSender>();
        builder.Services.AddSingleton<TrackingWatchers>();
        builder.Services.AddHostedService<TrackingPump>();
        builder.Services.AddSingleton<FleetLiveFeed>();
        builder.Services.AddHostedService<FleetLivePump>();
        builder.Services.AddSingleton<HubFailureLogging>();
        builder.Logging.AddFilter(HubFailureLogging.DispatcherCategory, LogLevel.Critical);
        builder.Services.AddSignalR(hub =>
            {
                // A hub call carries two short strings; nothing larger has a reason to arrive.
                hub.MaximumReceiveMessageSize = 4 * 1024;
                hub.AddFilter<HubFailureLogging>();
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapLiveTracking(this WebApplication app)
    {
        app.MapHub<TrackingHub>(TrackingHub.Path).AllowAnonymous();
        app.MapHub<FleetHub>(FleetHub.Path);
        return app;
    }
}
