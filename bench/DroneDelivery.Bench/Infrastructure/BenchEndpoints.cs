using DroneDelivery.Bench.Scenarios;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GrainInterfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// Ceiling endpoints mapped on the gateway the bench starts, never in the product: they share the
/// gateway's whole middleware pipeline and client, so a scenario divided by them shows what its
/// own work costs on top of what the host costs anyway.
/// </summary>
public static class BenchEndpoints
{
    public const string NoopPath = "/bench/noop";
    public const string GrainPath = "/bench/grain/";
    public const string BroadcastPath = "/bench/broadcast";

    /// <summary>The delivery id of the broadcast's position messages, which no real delivery has.</summary>
    public const string BroadcastDeliveryId = "bench-broadcast";

    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        // Answers at once and reads no body: HTTP, routing and the middleware, nothing else.
        app.MapPost(NoopPath, Accepted<string> () => TypedResults.Accepted((string?)null, "ok"));

        // One grain call on an activated drone: the above plus one round trip into the cluster.
        app.MapPost(GrainPath + "{droneId}", async Task<Accepted<string>> (string droneId, IClusterClient grains) =>
        {
            await grains.Reference<IDroneGrain>(droneId).GetAvailabilityAsync();
            return TypedResults.Accepted((string?)null, "ok");
        });

        // One position message, stamped now, to every connection of the tracking hub: what
        // SignalR costs to reach all watchers from this gateway, with no grain in between.
        IHubContext<Hub>? tracking = null;
        app.MapPost(BroadcastPath, async Task<Accepted<string>> (HttpContext http) =>
        {
            tracking ??= TrackingHubContext.Find(http.RequestServices, TrackingWatcher.HubPath);
            var message = new TrackingPositionMessage(BroadcastDeliveryId, "bench-broadcast", 46.125, -121.875, 120, 90, 4, DateTimeOffset.UtcNow);
            await tracking.Clients.All.SendAsync("position", message, http.RequestAborted);
            return TypedResults.Accepted((string?)null, "ok");
        });
        return app;
    }
}
