using DroneDelivery.ServiceDefaults.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Tests.Unit;

/// <summary>The categories that write query strings and hub arguments stay capped whatever the log levels say.</summary>
public sealed class SecretSafeLoggingTests
{
    private const string Hosting = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string HubDispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    [Fact]
    public void Verbose_levels_in_general_per_provider_or_per_category_do_not_open_the_capped_categories()
    {
        using var services = Logging(new()
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Debug",
            ["Logging:Console:LogLevel:Default"] = "Trace",
            ["Logging:Console:LogLevel:Microsoft.AspNetCore.SignalR"] = "Trace",
        });
        var factory = services.GetRequiredService<ILoggerFactory>();

        Assert.False(factory.CreateLogger(Hosting).IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger(Hosting).IsEnabled(LogLevel.Warning));
        Assert.False(factory.CreateLogger(HubDispatcher).IsEnabled(LogLevel.Debug));
        Assert.True(factory.CreateLogger(HubDispatcher).IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("DroneDelivery.Anything").IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public void A_level_stricter_than_the_cap_still_holds()
    {
        using var services = Logging(new() { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None" });

        Assert.False(services.GetRequiredService<ILoggerFactory>().CreateLogger(Hosting).IsEnabled(LogLevel.Critical));
    }

    private static ServiceProvider Logging(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddConsole()
                .CapSecretWritingCategories())
            .BuildServiceProvider();
    }
}
