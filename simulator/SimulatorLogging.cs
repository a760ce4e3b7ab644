using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Simulator;

/// <summary>
/// The console format switch of the backend's hosts, with the same key and values, so one setting
/// gives the whole system JSON logs; kept here because the simulator shares no code with the backend.
/// </summary>
public static class SimulatorLogging
{
    public const string FormatKey = "DroneDelivery:Logging:Format";

    public static HostApplicationBuilder AddConsoleFormat(this HostApplicationBuilder builder)
    {
        var format = builder.Configuration[FormatKey];
        if (string.Equals(format, "Json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else if (string.IsNullOrEmpty(format) || string.Equals(format, "Simple", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);
        }
        else
        {
            throw new InvalidOperationException($"{FormatKey} must be Simple or Json, not '{format}'.");
        }

        return builder;
    }
}
