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
        return app;
    }

    public static async Task<Accepted<DeliveryAcceptedResponse>> RequestDelivery(
        [AsParameters] CreateDeliveryInput input, ClaimsPrincipal user, IClusterClient grains, TrackingLinks links)
    {
        var businessId = user.BusinessId();
        var deliveryId = input.Body.DeliveryId
            ?? (input.IdempotencyKey is { } key ? GrainKeys.DeliveryFromIdempotencyKey(businessId, key) : GrainKeys.NewId("dlv"));
        var accepted = await grains.GetGrain<IDeliveryGrain>(deliveryId).RequestAsync(businessId, input.Body.ToModel());
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

    public static async Task<Ok<DeliveryResponse>> GetDelivery(string id, ClaimsPrincipal user, IClusterClient grains, TrackingLinks links)
    {
        var d = await grains.GetGrain<IDeliveryGrain>(id).GetAsync(user.BusinessId());
        var r = d.Request;
        return TypedResults.Ok(new DeliveryResponse(
            d.Id,
            d.OwnerId,
            LocationDto.From(r.Pickup)!,
            LocationDto.From(r.Dropoff)!,
            r.PickupTime,
            r.Deadline,
            r.Expedited,
            r.ConfirmationRequired,
            new DeliveryPackageResponse(d.PackageId, r.Package.Size, r.Package.WeightKg, r.Package.Tag),
            d.Stage,
            d.DroneId,
            d.PickupEta,
            d.DeliveryEta,
            d.CreatedAt,
            d.UpdatedAt,
            links.For(d.Id, d.TrackingToken)));
    }

    public static async Task<Ok<DeliveryStatusResponse>> GetDeliveryStatus(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        var s = await grains.GetGrain<IDeliveryGrain>(id).GetStatusAsync(user.BusinessId());
        return TypedResults.Ok(new DeliveryStatusResponse(s.Stage, s.DroneId, LocationDto.From(s.LastKnownLocation), s.PickupEta, s.DeliveryEta, s.UpdatedAt));
    }

    public static async Task<Ok<MilestoneResponse[]>> GetDeliveryMilestones(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        var milestones = await grains.GetGrain<IDeliveryGrain>(id).GetMilestonesAsync(user.BusinessId());
        return TypedResults.Ok(milestones.Select(m => new MilestoneResponse(m.Stage, m.At, LocationDto.From(m.Location), m.Note)).ToArray());
    }
}
