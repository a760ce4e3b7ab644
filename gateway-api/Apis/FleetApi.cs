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
        group.MapPost("/live-tickets", IssueLiveTicket).WithName(nameof(IssueLiveTicket))
            .WithSummary("A ticket, valid for two minutes, that opens the fleet hub /hubs/fleet from a browser (as access_token).");
        return app;
    }

    public static Ok<OperatorTicketResponse> IssueLiveTicket(OperatorTickets tickets)
    {
        var (ticket, expiresAt) = tickets.Issue();
        return TypedResults.Ok(new OperatorTicketResponse(ticket, expiresAt));
    }

    public static async Task<Ok<FleetSummaryResponse>> GetFleetSummary(IClusterClient grains) =>
        TypedResults.Ok(FleetSummaryResponse.From(await grains.Reference<IFleetQueryGrain>(GrainKeys.FleetDirectory).GetSummaryAsync()));
}
