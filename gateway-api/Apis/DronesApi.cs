using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DroneDelivery.GatewayApi.Apis;

public static class DronesApi
{
    public static IEndpointRouteBuilder MapDronesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/drones")
            .WithTags("Drones")
            .RequireAuthorization(ApiKeyDefaults.OperatorPolicy)
            .WithValidation();
        group.MapGet("/", ListDrones).WithName(nameof(ListDrones)).WithSummary("The fleet, a page at a time, optionally by status.");
        group.MapPut("/{id}", RegisterDrone).WithName(nameof(RegisterDrone)).WithSummary("Register a drone (201) or update its spec (200).")
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetDrone).WithName(nameof(GetDrone)).WithSummary("A drone with its status, position and mission.");
        group.MapDelete("/{id}", RetireDrone).WithName(nameof(RetireDrone)).WithSummary("Retire an idle drone (409 while it flies a delivery).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/maintenance", EnterMaintenance).WithName(nameof(EnterMaintenance))
            .WithSummary("Take a drone out of service: at once when idle, after its current delivery when flying.");
        group.MapDelete("/{id}/maintenance", ReturnToService).WithName(nameof(ReturnToService)).WithSummary("Put a drone back in service.");
        return app;
    }

    public static async Task<Results<Created<DroneResponse>, Ok<DroneResponse>>> RegisterDrone(
        string id, RegisterDroneRequest request, IClusterClient grains)
    {
        var registered = await grains.Reference<IDroneGrain>(id).RegisterAsync(request.ToModel());
        var drone = DroneResponse.From(registered.Drone);
        return registered.Created ? TypedResults.Created($"/api/drones/{id}", drone) : TypedResults.Ok(drone);
    }

    public static async Task<Ok<DroneResponse>> GetDrone(string id, IClusterClient grains) =>
        TypedResults.Ok(DroneResponse.From(await grains.Reference<IDroneGrain>(id).GetAsync()));

    public static async Task<NoContent> RetireDrone(string id, IClusterClient grains)
    {
        await grains.Reference<IDroneGrain>(id).RetireAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Ok<DroneResponse>> EnterMaintenance(string id, IClusterClient grains) =>
        TypedResults.Ok(DroneResponse.From(await grains.Reference<IDroneGrain>(id).EnterMaintenanceAsync()));

    public static async Task<Ok<DroneResponse>> ReturnToService(string id, IClusterClient grains) =>
        TypedResults.Ok(DroneResponse.From(await grains.Reference<IDroneGrain>(id).ReturnToServiceAsync()));

    public static async Task<Ok<PageResponse<DroneResponse>>> ListDrones([AsParameters] DroneListQuery query, IClusterClient grains)
    {
        var page = await grains.Reference<IFleetQueryGrain>(GrainKeys.FleetDirectory)
            .ListDronesAsync(query.ParsedStatus, query.Limit ?? DroneListQuery.DefaultLimit, query.ContinuationToken);
        return TypedResults.Ok(new PageResponse<DroneResponse>([.. page.Items.Select(DroneResponse.From)], page.ContinuationToken));
    }
}
