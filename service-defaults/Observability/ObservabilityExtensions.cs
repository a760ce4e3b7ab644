using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DroneDelivery.ServiceDefaults.Observability;

/// <summary>Metrics and traces, set up the same way on every host.</summary>
public static class ObservabilityExtensions
{
    /// <summary>Meter of the domain's own instruments (deliveries, assignments, telemetry).</summary>
    public const string DroneDeliveryMeter = "DroneDelivery";

    /// <summary>Orleans publishes its runtime metrics on this meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: the runtime's own calls and grain calls made by the application.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// Buckets, in seconds, of the histograms of how old a fix is at a stage of its path (drone
    /// grain, message to a watcher): from "at once" to "a minute behind".
    /// </summary>
    public static readonly IReadOnlyList<double> FixLagBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Where Prometheus scrapes both hosts.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Metrics (ASP.NET Core, HttpClient, Orleans, ours), always readable at <see cref="MetricsPath"/>;
    /// and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured, both metrics and traces (ASP.NET
    /// Core, HttpClient, Orleans) pushed over OTLP. Without a collector no trace is recorded: an
    /// activity for every grain call that nothing reads would be CPU spent for nothing.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(OrleansMeter, DroneDeliveryMeter)
                .AddPrometheusExporter());

        // The OTLP exporter reads this key itself (environment variable or any configuration source).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options =>
                        // Probes and scrapes would drown the traces that matter.
                        options.Filter = context =>
                            !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddSource(OrleansActivitySources))
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary><c>GET /metrics</c> in the Prometheus text format.</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        // Scraped every few seconds: kept out of the request log.
        app.MapPrometheusScrapingEndpoint(MetricsPath).WithHttpLogging(HttpLoggingFields.None);
        return app;
    }
}
