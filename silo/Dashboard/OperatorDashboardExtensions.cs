using DroneDelivery.ServiceDefaults.Cluster;
using DroneDelivery.ServiceDefaults.Operator;
using Microsoft.AspNetCore.Authentication;
using Orleans.Dashboard;

namespace DroneDelivery.Silo.Dashboard;

public static class OperatorDashboardExtensions
{
    /// <summary>Where the silo serves the Orleans Dashboard, on its own web port.</summary>
    public const string Path = "/dashboard";

    /// <summary>Operator sign-in on the silo: the dashboard is for operators only.</summary>
    public static IHostApplicationBuilder AddOperatorAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OperatorKeys>();
        builder.Services.AddAuthentication(OperatorBasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OperatorBasicAuthenticationHandler>(OperatorBasicAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorBasicAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(OperatorBasicAuthenticationHandler.SchemeName)
                .RequireRole(OperatorBasicAuthenticationHandler.Policy));
        return builder;
    }

    /// <summary>
    /// The dashboard's page and every data endpoint it polls, behind operator sign-in; health
    /// and metrics are mapped apart and stay anonymous. Nothing, on a silo with the dashboard off.
    /// </summary>
    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        // Read as the silo's builder read it; the options are validated when the host starts.
        if ((app.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings()).Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(OperatorBasicAuthenticationHandler.Policy);
        }

        return app;
    }
}
