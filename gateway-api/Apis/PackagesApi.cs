using System.Security.Claims;
using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DroneDelivery.GatewayApi.Apis;

public static class PackagesApi
{
    public static IEndpointRouteBuilder MapPackagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/packages")
            .WithTags("Packages")
            .RequireAuthorization(ApiKeyDefaults.BusinessPolicy)
            .WithValidation()
            .MapGet("/{id}", GetPackage)
            .WithName(nameof(GetPackage))
            .WithSummary("A package of the calling business.");
        return app;
    }

    public static async Task<Ok<PackageResponse>> GetPackage(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        var p = await grains.Reference<IPackageGrain>(id).GetAsync(user.BusinessId());
        return TypedResults.Ok(new PackageResponse(p.Id, p.OwnerId, p.Size, p.WeightKg, p.Tag, p.DeliveryId));
    }
}
