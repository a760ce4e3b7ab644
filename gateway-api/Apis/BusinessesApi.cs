using System.Security.Claims;
using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DroneDelivery.GatewayApi.Apis;

public static class BusinessesApi
{
    public static IEndpointRouteBuilder MapBusinessesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/businesses").WithTags("Businesses").WithValidation();

        group.MapPost("/", RegisterBusiness)
            .AllowAnonymous()
            .WithName(nameof(RegisterBusiness))
            .WithSummary("Register a business and get its API key (shown once).")
            .ProducesValidationProblem();

        var me = group.MapGroup("/me").RequireAuthorization(ApiKeyDefaults.BusinessPolicy);
        me.MapGet("/", GetMyBusiness)
            .WithName(nameof(GetMyBusiness))
            .WithSummary("The calling business.");
        return app;
    }

    public static async Task<Created<BusinessCreatedResponse>> RegisterBusiness(RegisterBusinessRequest request, IClusterClient grains)
    {
        var businessId = GrainKeys.NewId("biz");
        var (keyId, apiKey) = BusinessApiKey.Create(businessId);
        var created = await grains.GetGrain<IBusinessGrain>(businessId).RegisterAsync(
            new BusinessRegistration(request.Name!.Trim(), request.WebhookUrl, keyId, BusinessApiKey.Hash(apiKey)));
        return TypedResults.Created(
            "/api/businesses/me",
            new BusinessCreatedResponse(created.Business.Id, created.Business.Name, apiKey, created.WebhookSecret));
    }

    public static async Task<Ok<BusinessResponse>> GetMyBusiness(ClaimsPrincipal user, IClusterClient grains)
    {
        var business = await grains.GetGrain<IBusinessGrain>(user.BusinessId()).GetAsync();
        return TypedResults.Ok(new BusinessResponse(business.Id, business.Name, business.WebhookUrl, business.CreatedAt));
    }
}
