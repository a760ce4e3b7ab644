using System.Net;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Errors;
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

    /// <summary>How often each silo reads the membership table, whatever gossip told it.</summary>
    public static readonly TimeSpan MembershipTableRefresh = TimeSpan.FromSeconds(10);

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
        builder.Services.AddRuntimeExceptionSerialization();

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

            // A silo restarted on its old address declares its former self dead as it starts. When
            // silos starting together contend for the membership table, Orleans drops that write and
            // retries it only at the next table refresh. Until then the former self keeps its share
            // of the grain directory, and grains placed in that share cannot be reached. Orleans
            // refreshes every 60 s by default; 10 s bounds that outage at a read per silo per 10 s.
            silo.Configure<ClusterMembershipOptions>(options => options.TableRefreshTimeout = MembershipTableRefresh);
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
            if (cluster.Dashboard)
            {
                silo.AddDashboard();
            }
        });

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("orleans-cluster", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
