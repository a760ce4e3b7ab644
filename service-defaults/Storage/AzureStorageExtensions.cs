using Azure.Core;
using Azure.Data.Tables;
using DroneDelivery.ServiceDefaults.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DroneDelivery.ServiceDefaults.Storage;

public static class AzureStorageExtensions
{
    /// <summary>
    /// Registers the one <see cref="TableServiceClient"/> of this process, from
    /// <c>ConnectionStrings:AzureStorage</c> (default: Azurite), or with the managed identity when
    /// <c>DroneDelivery:Storage:TableServiceUri</c> is set. Retries are few and short so an
    /// outage surfaces as a quick 503 rather than a request that hangs for minutes.
    /// </summary>
    public static IServiceCollection AddAzureTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(AzureStorageSettings.ConnectionStringName)
            ?? AzureStorageSettings.DevelopmentConnectionString;
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        services.AddSingleton(AzureStorageClients.Read(configuration).TableServiceUri is { } uri
            ? new TableServiceClient(uri, AzureCredentials.Default, options)
            : new TableServiceClient(connectionString, options));
        return services;
    }
}
