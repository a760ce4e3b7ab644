using System.Net;
using Azure.Data.Tables;
using DroneDelivery.Grains.Diagnostics;
using DroneDelivery.Grains.Drones;
using DroneDelivery.Grains.History;
using DroneDelivery.Grains.Scheduling;
using DroneDelivery.Grains.Tracking;
using DroneDelivery.Grains.Webhooks;
using DroneDelivery.ServiceDefaults;
using DroneDelivery.ServiceDefaults.Cluster;
using DroneDelivery.ServiceDefaults.History;
using DroneDelivery.Silo.Health;
using DroneDelivery.Silo.Logging;
using DroneDelivery.Silo.Streaming;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace DroneDelivery.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Grain state table: one row per grain, partitioned by grain type and id.</summary>
    public const string GrainStateTable = "DroneDeliveryGrainState";

    /// <summary>
    /// The Orleans silo on Azure Table storage: membership, grain state and reminders all in the
    /// storage account of <c>ConnectionStrings:AzureStorage</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDroneDeliverySilo(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.Services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DeliverySchedulingOptions>().BindConfiguration(DeliverySchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DeliveryTrackingOptions>().BindConfiguration(DeliveryTrackingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DroneFlightOptions>().BindConfiguration(DroneFlightOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("DroneDelivery:Reminders"));
        builder.Services.AddDroneDeliveryMetrics();
        builder.Services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HistoryStore>();
        builder.Services.AddWebhooks();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(cluster.AdvertisedAddress),
                cluster.SiloPort,
                cluster.GatewayPort,
                listenOnAnyHostAddress: cluster.ListenOnAnyHostAddress);
            if (cluster.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }

            silo.UseAzureStorageClustering(options => options.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
            silo.AddAzureTableGrainStorageAsDefault(options => options.Configure<TableServiceClient>((o, tables) =>
            {
                o.TableServiceClient = tables;
                o.TableName = GrainStateTable;

                // Cleared state (a withdrawn package, a finished webhook outbox) leaves no row behind.
                o.DeleteStateOnClear = true;
            }));
            silo.UseAzureTableReminderService(options => options.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
            silo.AddTelemetryStreams(builder.Configuration);

            // Grain calls carry the caller's trace context, so one trace spans gateway and silos.
            silo.AddActivityPropagation();

            // DeliveryId / DroneId scopes on every log written while those grains handle a call.
            silo.AddIncomingGrainCallFilter<GrainIdLogScopeFilter>();

            // Served at /dashboard by the silo's web app (SiloApplication), behind operator sign-in.
            silo.AddDashboard();
        });

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("orleans-cluster", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
