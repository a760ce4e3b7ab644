using System.Security.Claims;
using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.RateLimiting;
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
            .RequireRateLimiting(RateLimitingExtensions.RegistrationPolicy)
            .AddEndpointFilter<WebhookTargetFilter>()
            .WithName(nameof(RegisterBusiness))
            .WithSummary("Register a business and get its API key (shown once).")
            .ProducesValidationProblem();

        var me = group.MapGroup("/me").RequireAuthorization(ApiKeyDefaults.BusinessPolicy);
        me.MapGet("/", GetMyBusiness)
            .WithName(nameof(GetMyBusiness))
            .WithSummary("The calling business.");
        me.MapGet("/keys", ListMyKeys)
            .WithName(nameof(ListMyKeys))
            .WithSummary("The business's live API keys: ids and ages, never the keys.");
        me.MapPost("/keys", IssueKey)
            .WithName(nameof(IssueKey))
            .WithSummary($"Issue another API key (shown once), up to {IBusinessGrain.MaxApiKeys} live keys; 409 beyond.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapDelete("/keys/{keyId}", RevokeKey)
            .WithName(nameof(RevokeKey))
            .WithSummary("Revoke an API key: at once on this gateway, within 30 seconds on every other; 409 for the last key.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Created<BusinessCreatedResponse>> RegisterBusiness(RegisterBusinessRequest request, IClusterClient grains)
    {
        var businessId = GrainKeys.NewId("biz");
        var (keyId, apiKey) = BusinessApiKey.Create(businessId);
        var created = await grains.Reference<IBusinessGrain>(businessId).RegisterAsync(
            new BusinessRegistration(request.Name!.Trim(), request.WebhookUrl, keyId, BusinessApiKey.Hash(apiKey)));
        return TypedResults.Created(
            "/api/businesses/me",
            new BusinessCreatedResponse(created.Business.Id, created.Business.Name, apiKey, created.WebhookSecret));
    }

    public static async Task<Ok<ApiKeyResponse[]>> ListMyKeys(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await grains.Reference<IBusinessGrain>(user.BusinessId()).ListApiKeysAsync()).Select(ApiKeyResponse.From).ToArray());

    public static async Task<Created<ApiKeyCreatedResponse>> IssueKey(ClaimsPrincipal user, IClusterClient grains)
    {
        var businessId = user.BusinessId();
        var (keyId, apiKey) = BusinessApiKey.Create(businessId);
        var added = await grains.Reference<IBusinessGrain>(businessId).AddApiKeyAsync(keyId, BusinessApiKey.Hash(apiKey));
        return TypedResults.Created("/api/businesses/me/keys", new ApiKeyCreatedResponse(added.KeyId, apiKey, added.CreatedAt));
    }

    public static async Task<NoContent> RevokeKey(string keyId, ClaimsPrincipal user, IClusterClient grains, RevokedKeys revoked)
    {
        var businessId = user.BusinessId();
        await grains.Reference<IBusinessGrain>(businessId).RevokeApiKeyAsync(keyId);
        revoked.Revoke(businessId, keyId);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<BusinessResponse>> GetMyBusiness(ClaimsPrincipal user, IClusterClient grains)
    {
        var business = await grains.Reference<IBusinessGrain>(user.BusinessId()).GetAsync();
        return TypedResults.Ok(new BusinessResponse(business.Id, business.Name, business.WebhookUrl, business.CreatedAt));
    }
}
