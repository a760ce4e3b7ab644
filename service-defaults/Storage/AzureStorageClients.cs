using Azure.Storage.Queues;
using DroneDelivery.ServiceDefaults.Identity;
using DroneDelivery.ServiceDefaults.Streaming;
using Microsoft.Extensions.Configuration;

namespace DroneDelivery.ServiceDefaults.Storage;

/// <summary>
/// Reads <see cref="AzureStorageOptions"/> and builds the queue client of the <c>AzureQueue</c>
/// telemetry provider: from a service URI and the managed identity when one is configured, else
/// from <c>ConnectionStrings:AzureStorage</c>.
/// </summary>
public static class AzureStorageClients
{
    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration)
    {
        var storage = Read(configuration);
        if (storage.QueueServiceUri is { } uri)
        {
            return new QueueServiceClient(uri, AzureCredentials.Default);
        }

        // A managed-identity deployment must not fall back to the connection string, whose
        // default (appsettings.json) is Azurite.
        var telemetry = configuration.GetSection(TelemetryStreamSettings.SectionName).Get<TelemetryStreamSettings>() ?? new();
        if (storage.TableServiceUri is not null && telemetry.Provider == TelemetryStreamProvider.AzureQueue)
        {
            throw new InvalidOperationException(
                $"{AzureStorageOptions.SectionName}:QueueServiceUri is required when {AzureStorageOptions.SectionName}:TableServiceUri is set and {TelemetryStreamSettings.SectionName}:Provider is AzureQueue.");
        }

        return new QueueServiceClient(configuration.GetConnectionString(AzureStorageSettings.ConnectionStringName) ?? AzureStorageSettings.DevelopmentConnectionString);
    }

    /// <summary>The storage section, checked: a service URI must be absolute https, since bearer tokens never travel in clear.</summary>
    public static AzureStorageOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(AzureStorageOptions.SectionName);
        return new AzureStorageOptions
        {
            TableServiceUri = ParseServiceUri(section, nameof(AzureStorageOptions.TableServiceUri)),
            QueueServiceUri = ParseServiceUri(section, nameof(AzureStorageOptions.QueueServiceUri)),
        };
    }

    private static Uri? ParseServiceUri(IConfigurationSection section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"{section.Path}:{key} must be an absolute https URI, e.g. https://<account>.{(key.StartsWith("Queue", StringComparison.Ordinal) ? "queue" : "table")}.core.windows.net; got '{value}'.");
    }
}
