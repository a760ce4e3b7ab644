using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Streaming;
using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Apis;

/// <summary>What drones use: the mission long-poll and telemetry (drone or operator key).</summary>
public static class DroneChannelApi
{
    /// <summary>A telemetry batch of 1,000 fixes is about 200 KB of JSON; allow that, and no more.</summary>
    private const long MaxTelemetryBodyBytes = 512 * 1024;

    private static readonly string[] UnknownDrone = ["No drone with this id is registered."];

    public static IEndpointRouteBuilder MapDroneChannelApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .WithTags("Drone channel")
            .RequireAuthorization(ApiKeyDefaults.DronePolicy)
            .WithValidation();
        group.MapGet("/drones/{id}/mission", WaitForMission)
            .WithName(nameof(WaitForMission))
            .WithSummary("Long-poll for the drone's mission: answers when its version differs from 'after', or after waitSeconds.");
        group.MapPost("/telemetry", PublishTelemetry)
            .WithName(nameof(PublishTelemetry))
            .WithSummary("Publish a batch of fixes: positions to the drones' telemetry streams, events (PickedUp, Delivered, Fault) to the drones themselves, stored before the 202.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxTelemetryBodyBytes))
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<DroneChannelResponse>> WaitForMission(string id, [AsParameters] MissionQuery query, IClusterClient grains)
    {
        var wait = TimeSpan.FromSeconds(query.WaitSeconds ?? MissionQuery.MaxWaitSeconds);
        var channel = await grains.Reference<IDroneGrain>(id).WaitForChangeAsync(query.After, wait)
            ?? throw DomainException.NotFound("The drone");
        return TypedResults.Ok(DroneChannelResponse.From(channel));
    }

    public static async Task<Results<Accepted<TelemetryAcceptedResponse>, ValidationProblem>> PublishTelemetry(
        [AsParameters] TelemetryInput input, TelemetryPublisher publisher)
    {
        var fixes = input.Fixes.Select(f => f.ToModel()).ToList();
        var unknown = await publisher.FindUnknownDronesAsync(fixes);
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(unknown.ToDictionary(i => $"[{i}].droneId", _ => UnknownDrone));
        }

        await publisher.PublishAsync(fixes);
        return TypedResults.Accepted((string?)null, new TelemetryAcceptedResponse(fixes.Count));
    }
}
