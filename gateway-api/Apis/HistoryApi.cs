using System.Security.Claims;
using DroneDelivery.GatewayApi.Auth;
using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.GatewayApi.History;
using DroneDelivery.GatewayApi.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DroneDelivery.GatewayApi.Apis;

/// <summary>Finished deliveries and flights, read from the history tables: a business's own, and a drone's for operators.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var business = app.MapGroup("/api/businesses/me")
            .WithTags("Businesses")
            .RequireAuthorization(ApiKeyDefaults.BusinessPolicy)
            .WithValidation();
        business.MapGet("/deliveries", ListMyDeliveries).WithName(nameof(ListMyDeliveries))
            .WithSummary("Finished deliveries of the calling business, oldest finish first, a page at a time; by final stage and finish time.")
            .ProducesValidationProblem();
        business.MapGet("/summary", GetMySummary).WithName(nameof(GetMySummary))
            .WithSummary("A month of the calling business's finished deliveries, added up (UTC months, by finish time).")
            .ProducesValidationProblem();

        app.MapGet("/api/drones/{id}/utilization", GetDroneUtilization)
            .WithTags("Drones")
            .RequireAuthorization(ApiKeyDefaults.OperatorPolicy)
            .WithValidation()
            .WithName(nameof(GetDroneUtilization))
            .WithSummary("A drone's flights in a month: count, distance and hours in the air (zero for a month without any).")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<PageResponse<DeliverySummaryResponse>>> ListMyDeliveries(
        [AsParameters] HistoryListQuery query, ClaimsPrincipal user, HistoryReader history, CancellationToken cancellationToken)
    {
        var businessId = user.BusinessId();
        var after = HistoryContinuationToken.Decode(query.ContinuationToken, businessId);
        var (items, next) = await history.ListAsync(
            businessId, query.ParsedStage, query.From, query.To, query.Limit ?? HistoryListQuery.DefaultLimit, after, cancellationToken);
        return TypedResults.Ok(new PageResponse<DeliverySummaryResponse>([.. items.Select(DeliverySummaryResponse.From)], next?.Encode()));
    }

    public static async Task<Ok<MonthlySummary>> GetMySummary(
        [AsParameters] MonthQuery query, ClaimsPrincipal user, HistoryReader history, CancellationToken cancellationToken)
    {
        var (year, month) = (query.Year!.Value, query.Month!.Value);
        var records = await history.MonthAsync(user.BusinessId(), year, month, cancellationToken);
        return TypedResults.Ok(MonthlySummary.From(year, month, records));
    }

    public static async Task<Ok<DroneUtilization>> GetDroneUtilization(
        string id, [AsParameters] MonthQuery query, HistoryReader history, CancellationToken cancellationToken)
    {
        var flights = await history.FlightsAsync(id, query.Year!.Value, query.Month!.Value, cancellationToken);
        return TypedResults.Ok(DroneUtilization.From(flights));
    }
}
