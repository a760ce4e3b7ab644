using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>Live tracking: the hub, the watchers and the pump that feeds the connections.</summary>
public static class LiveTrackingExtensions
{
    public static WebApplicationBuilder AddLiveTracking(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrackingPushOptions>()
            .BindConfiguration(TrackingPushOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TrackingMetrics>();
        builder.Services.AddSingleton<TrackingWatchers>();
        builder.Services.AddHostedService<TrackingPump>();
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
        return app;
    }
}
