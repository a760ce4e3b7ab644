using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DroneDelivery.Grains.Diagnostics;

public static class DroneDeliveryMetricsExtensions
{
    /// <summary>
    /// What the grains need to record metrics; every silo, real or in a test, calls this. Safe to
    /// call twice. Without a listener on the meter, recording costs next to nothing.
    /// </summary>
    public static IServiceCollection AddDroneDeliveryMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<DroneDeliveryMetrics>();
        return services;
    }
}
