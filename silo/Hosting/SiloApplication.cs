using DroneDelivery.ServiceDefaults;
using DroneDelivery.Silo.Dashboard;

namespace DroneDelivery.Silo.Hosting;

/// <summary>Builds the silo host; the tests start the very same host, several to a process.</summary>
public static class SiloApplication
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddDroneDeliverySilo();
        builder.AddOperatorAuthentication();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOperatorDashboard();
        return app;
    }
}
