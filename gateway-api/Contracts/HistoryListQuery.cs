using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>
/// The query of <c>GET /api/businesses/me/deliveries</c>: finished deliveries, oldest finish first.
/// Names are given so the Swagger document spells them as the contract does (binding ignores case).
/// </summary>
public sealed record HistoryListQuery : IValidatable
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>Only deliveries that finished in this stage: Delivered, Cancelled or Failed.</summary>
    /// <example>Delivered</example>
    [FromQuery(Name = "stage")]
    public string? Stage { get; init; }

    /// <summary>Only deliveries that finished at or after this time (UTC).</summary>
    /// <example>2026-11-01T00:00:00Z</example>
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    /// <summary>Only deliveries that finished before this time (UTC).</summary>
    /// <example>2026-12-01T00:00:00Z</example>
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    /// <summary>Most deliveries in one page, 1 to 500. Default: 100.</summary>
    /// <example>50</example>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The <c>continuationToken</c> of the previous page, to get the next one.</summary>
    [FromQuery(Name = "continuationToken")]
    public string? ContinuationToken { get; init; }

    public static IReadOnlyList<DeliveryStage> FinalStages { get; } = [DeliveryStage.Delivered, DeliveryStage.Cancelled, DeliveryStage.Failed];

    public DeliveryStage? ParsedStage =>
        Stage is null ? null : FinalStages.First(s => s.ToString().Equals(Stage, StringComparison.OrdinalIgnoreCase));

    public void Validate(ValidationErrors errors)
    {
        if (Stage is not null && !FinalStages.Any(s => s.ToString().Equals(Stage, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("stage", $"Must be one of {string.Join(", ", FinalStages)}: the history holds finished deliveries only.");
        }

        if (From >= To)
        {
            errors.Add("to", "Must be after from.");
        }

        errors.Range("limit", Limit, 1, MaxLimit);
        errors.Text("continuationToken", ContinuationToken, 1024);
    }
}
