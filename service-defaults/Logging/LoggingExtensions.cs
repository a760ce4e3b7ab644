using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.ServiceDefaults.Logging;

/// <summary>Console logs with scopes, readable or JSON, and a request log that never holds a secret.</summary>
public static class LoggingExtensions
{
    /// <summary>Category of the request log (one line per request, at Information).</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    public static IHostApplicationBuilder AddDroneDeliveryLogging(this IHostApplicationBuilder builder)
    {
        // Bound here rather than as options: the console is set up before the container exists.
        var settings = builder.Configuration.GetSection(LoggingSettings.SectionName).Get<LoggingSettings>() ?? new LoggingSettings();
        if (settings.Format == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);
        }

        builder.Logging.CapSecretWritingCategories();

        // Method, path, status and duration: no query string (tokens) and no headers (API keys).
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>The request log; first in the pipeline so it times and sees every request.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
