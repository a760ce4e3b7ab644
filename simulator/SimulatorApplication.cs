using DroneDelivery.Simulator.Demo;
using DroneDelivery.Simulator.Fleet;
using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DroneDelivery.Simulator;

/// <summary>Builds the simulator; the tests start the very same host in-process.</summary>
public static class SimulatorApplication
{
    /// <summary>Short command-line switches: <c>--speed 20</c> runs simulated time 20 times faster.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--speed"] = $"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Speed)}",
    };

    public static IHost Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // Added last, so the short switches win like any other command-line argument.
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(SwitchMappings));

        builder.AddConsoleFormat();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<GatewayClient>();
        builder.Services.AddSingleton<MissionFeed>();
        builder.Services.AddSingleton<TelemetryUplink>();
        builder.Services.AddHostedService<FleetSimulator>();
        builder.Services.AddHostedService<DemoLoadGenerator>();
        return builder.Build();
    }
}
