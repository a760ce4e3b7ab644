using DroneDelivery.ServiceDefaults;
using DroneDelivery.ServiceDefaults.Logging;
using DroneDelivery.Silo.Dashboard;

namespace DroneDelivery.Silo.Hosting;

/// <summary>Builds the silo host; the tests start the very same host, several to a process.</summary>
public static class SiloApplication
{
    public static WebApplication Create(string[] args) => Create(args, configure: null);

    /// <param name="args">Command-line arguments, the last configuration source.</param>
    /// <param name="configure">Last changes to the builder (tests add log recorders).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddDroneDeliverySilo();
        builder.AddOperatorAuthentication();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestLogging();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOperatorDashboard();
        return app;
    }
}
