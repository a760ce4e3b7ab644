using DroneDelivery.ServiceDefaults.Health;
using DroneDelivery.ServiceDefaults.Logging;
using DroneDelivery.ServiceDefaults.Observability;
using DroneDelivery.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace DroneDelivery.ServiceDefaults;

/// <summary>What every host of the system (silo and gateway) sets up the same way.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag of the checks behind <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddAzureTableStorage(builder.Configuration);
        builder.Services.AddHealthChecks()
            .AddCheck<AzureTableStorageHealthCheck>("azure-table-storage", tags: [ReadyTag]);
        builder.AddObservability();
        builder.AddDroneDeliveryLogging();
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no dependency is checked, so a storage outage
    /// doesn't get the process restarted). <c>/health/ready</c>: the cluster and storage work.
    /// <c>/metrics</c>: Prometheus scrapes.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes and scrapes every few seconds would drown the request log.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithHttpLogging(HttpLoggingFields.None);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReport,
        }).WithHttpLogging(HttpLoggingFields.None);
        app.MapMetricsEndpoint();
        return app;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }
}
