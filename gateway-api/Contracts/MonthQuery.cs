using DroneDelivery.GatewayApi.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A calendar month (UTC), as <c>?year=2026&amp;month=11</c>.</summary>
public sealed record MonthQuery : IValidatable
{
    /// <summary>The year, 2000 to 9999.</summary>
    /// <example>2026</example>
    [FromQuery(Name = "year")]
    public int? Year { get; init; }

    /// <summary>The month, 1 to 12.</summary>
    /// <example>11</example>
    [FromQuery(Name = "month")]
    public int? Month { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("year", Year);
        errors.Required("month", Month);
        errors.Range("year", Year, 2000, 9999);
        errors.Range("month", Month, 1, 12);
    }
}
