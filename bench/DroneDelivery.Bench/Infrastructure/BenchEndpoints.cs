using DroneDelivery.GrainInterfaces;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        // Answers at once and reads no body: HTTP, routing and the middleware, nothing else.
        app.MapPost(NoopPath, Accepted<string> () => TypedResults.Accepted((string?)null, "ok"));

        // One grain call on an activated drone: the above plus one round trip into the cluster.
        app.MapPost(GrainPath + "{droneId}", async Task<Accepted<string>> (string droneId, IClusterClient grains) =>
        {
            await grains.GetGrain<IDroneGrain>(droneId).GetAvailabilityAsync();
            return TypedResults.Accepted((string?)null, "ok");
        });
        return app;
    }
}
