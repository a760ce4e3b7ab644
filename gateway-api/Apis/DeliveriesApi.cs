using System.Security.Claims;
using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DroneDelivery.GatewayApi.Apis;

public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/deliveryrequests", RequestDelivery)
            .WithTags("Deliveries")
            .RequireAuthorization(ApiKeyDefaults.BusinessPolicy)
            .WithValidation()
            .WithName(nameof(RequestDelivery))
            .WithSummary("Request a delivery; a drone is assigned at once when one is free.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = app.MapGroup("/api/deliveries/{id}")
            .WithTags("Deliveries")
            .RequireAuthorization(ApiKeyDefaults.BusinessPolicy)
            .WithValidation();
        group.MapGet("/", GetDelivery).WithName(nameof(GetDelivery)).WithSummary("A delivery of the calling business.");
        group.MapGet("/status", GetDeliveryStatus).WithName(nameof(GetDeliveryStatus)).WithSummary("Stage, drone, position and ETAs.");
        group.MapGet("/milestones", GetDeliveryMilestones).WithName(nameof(GetDeliveryMilestones)).WithSummary("The stages reached, oldest first.");
        group.MapPatch("/", UpdateDelivery).WithName(nameof(UpdateDelivery)).WithSummary("Change pickup, drop-off or times until pickup; the drone's mission follows.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/", CancelDelivery).WithName(nameof(CancelDelivery)).WithSummary("Cancel until delivered; the drone is released and flies home.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/deliveries/{id}/confirmations", ConfirmDelivery)
            .WithTags("Drone channel")
            .RequireAuthorization(ApiKeyDefaults.DronePolicy)
            .WithValidation()
            .WithName(nameof(ConfirmDelivery))
            .WithSummary("Proof of delivery from the drone at the drop-off (drone or operator key).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Accepted<DeliveryAcceptedResponse>> RequestDelivery(
        [AsParameters] CreateDeliveryInput input, ClaimsPrincipal user, IClusterClient grains, TrackingLinks links)
    {
        var businessId = user.BusinessId();
        var deliveryId = input.Body.DeliveryId
            ?? (input.IdempotencyKey is { } key ? GrainKeys.DeliveryFromIdempotencyKey(businessId, key) : GrainKeys.NewId("dlv"));
        var accepted = await grains.Reference<IDeliveryGrain>(deliveryId).RequestAsync(businessId, input.Body.ToModel());
        return TypedResults.Accepted(
            $"/api/deliveries/{deliveryId}",
            new DeliveryAcceptedResponse(
                accepted.DeliveryId,
                accepted.Stage,
                accepted.TrackingToken,
                links.For(accepted.DeliveryId, accepted.TrackingToken),
                accepted.DroneId,
                accepted.PickupEta,
                accepted.DeliveryEta));
    }

    public static async Task<Ok<DeliveryResponse>> GetDelivery(string id, ClaimsPrincipal user, IClusterClient grains, TrackingLinks links) =>
        TypedResults.Ok(DeliveryResponse.From(await grains.Reference<IDeliveryGrain>(id).GetAsync(user.BusinessId()), links));

    public static async Task<Ok<DeliveryResponse>> UpdateDelivery(
        string id, UpdateDeliveryRequest request, ClaimsPrincipal user, IClusterClient grains, TrackingLinks links) =>
        TypedResults.Ok(DeliveryResponse.From(await grains.Reference<IDeliveryGrain>(id).UpdateAsync(user.BusinessId(), request.ToModel()), links));

    public static async Task<Ok<DeliveryResponse>> CancelDelivery(string id, ClaimsPrincipal user, IClusterClient grains, TrackingLinks links) =>
        TypedResults.Ok(DeliveryResponse.From(await grains.Reference<IDeliveryGrain>(id).CancelAsync(user.BusinessId()), links));

    public static async Task<Ok<DeliveryStatusResponse>> ConfirmDelivery(string id, ConfirmationRequest request, IClusterClient grains, TimeProvider time) =>
        TypedResults.Ok(DeliveryStatusResponse.From(await grains.Reference<IDeliveryGrain>(id).ConfirmAsync(request.ToModel(time.GetUtcNow()))));

    public static async Task<Ok<DeliveryStatusResponse>> GetDeliveryStatus(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        return TypedResults.Ok(DeliveryStatusResponse.From(await grains.Reference<IDeliveryGrain>(id).GetStatusAsync(user.BusinessId())));
    }

    public static async Task<Ok<MilestoneResponse[]>> GetDeliveryMilestones(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        var milestones = await grains.Reference<IDeliveryGrain>(id).GetMilestonesAsync(user.BusinessId());
        return TypedResults.Ok(milestones.Select(m => new MilestoneResponse(m.Stage, m.At, LocationDto.From(m.Location), m.Note)).ToArray());
    }
}
