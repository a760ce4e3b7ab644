using Azure.Data.Tables;
using DroneDelivery.GatewayApi.Health;
using DroneDelivery.GatewayApi.Streaming;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.ServiceDefaults;
using DroneDelivery.ServiceDefaults.Cluster;
using Orleans.Configuration;

namespace DroneDelivery.GatewayApi.Hosting;

public static class ClusterClientExtensions
{
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The gateway is an Orleans client of the cluster named in <c>DroneDelivery:Cluster</c>,
    /// finding silos through the same Azure Table membership they write.
    /// </summary>
    public static IHostApplicationBuilder AddClusterClient(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            client.UseAzureStorageClustering(options => options.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
            client.AddTelemetryStreams(builder.Configuration);

            // Grain calls carry the request's trace context into the silos.
            client.AddActivityPropagation();

            // Keep trying until the cluster is there: a gateway started before its silos waits for them.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(ConnectRetryDelay, cancellationToken);
                return !cancellationToken.IsCancellationRequested;
            });
        });
        builder.Services.AddRuntimeExceptionSerialization();
        builder.Services.AddSingleton<TelemetryPublisher>();
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterClientHealthCheck>("orleans-cluster", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
