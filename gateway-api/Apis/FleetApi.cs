using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GrainInterfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DroneDelivery.GatewayApi.Apis;

public static class FleetApi
{
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/fleet")
            .WithTags("Fleet")
            .RequireAuthorization(ApiKeyDefaults.OperatorPolicy);
        group.MapGet("/summary", GetFleetSummary).WithName(nameof(GetFleetSummary))
            .WithSummary("Drones by status, deliveries under way by stage, and the queue of deliveries waiting for a drone.");
        return app;
    }

    public static async Task<Ok<FleetSummaryResponse>> GetFleetSummary(IClusterClient grains) =>
        TypedResults.Ok(FleetSummaryResponse.From(await grains.GetGrain<IFleetQueryGrain>(GrainKeys.FleetDirectory).GetSummaryAsync()));
}
