using System.Reflection;
using DroneDelivery.GatewayApi.Hosting;
using DroneDelivery.Grains.Drones;
using DroneDelivery.ServiceDefaults;
using DroneDelivery.Silo.Hosting;
using DroneDelivery.Simulator;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>One of the deployable programs, and where its image, project and settings are.</summary>
internal sealed record App(
    string Name,
    string Project,
    Assembly EntryAssembly,
    IReadOnlyList<Assembly> SettingsAssemblies,
    IReadOnlyDictionary<string, Type> ExtraSections,
    IReadOnlyList<string> ProcessVariables)
{
    /// <summary>The image the base manifests name; overlays replace its registry and tag.</summary>
    public string Image => $"drone-delivery/{Name}";

    public string Dockerfile => $"deploy/docker/{Name}.Dockerfile";

    public static App Silo { get; } = new(
        "silo",
        "silo/DroneDelivery.Silo.csproj",
        typeof(SiloApplication).Assembly,
        [typeof(SiloApplication).Assembly, typeof(DroneFlightOptions).Assembly, typeof(ServiceDefaultsExtensions).Assembly],
        // Bound from a section name written in the silo's hosting code rather than a SectionName constant.
        new Dictionary<string, Type> { ["DroneDelivery:Reminders"] = typeof(ReminderOptions) },
        // Orleans' Kubernetes hosting reads these from the process environment, not from configuration.
        [.. typeof(KubernetesHostingOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)]);

    public static App Gateway { get; } = new(
        "gateway",
        "gateway-api/DroneDelivery.GatewayApi.csproj",
        typeof(GatewayApplication).Assembly,
        [typeof(GatewayApplication).Assembly, typeof(ServiceDefaultsExtensions).Assembly],
        new Dictionary<string, Type>(),
        []);

    public static App Simulator { get; } = new(
        "simulator",
        "simulator/DroneDelivery.Simulator.csproj",
        typeof(SimulatorApplication).Assembly,
        [typeof(SimulatorApplication).Assembly],
        new Dictionary<string, Type>(),
        []);

    public static IReadOnlyList<App> All { get; } = [Silo, Gateway, Simulator];

    public static App ForImage(string image) =>
        All.SingleOrDefault(a => a.Image == image) ?? throw new InvalidOperationException($"No app is built into the image {image}.");

    public override string ToString() => Name;
}
