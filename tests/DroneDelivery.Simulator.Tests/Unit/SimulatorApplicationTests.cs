using DroneDelivery.Simulator.Fleet;
using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class SimulatorApplicationTests
{
    private const string ApiKeyArg = "--DroneDelivery:Simulator:ApiKey=operator-key-for-tests";

    [Fact]
    public void Defaults_describe_a_modest_fleet_around_Seattle()
    {
        using var host = SimulatorApplication.Create([ApiKeyArg]);
        var options = host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

        Assert.Equal("http://127.0.0.1:8080", options.GatewayUrl);
        Assert.Equal(20, options.DroneCount);
        Assert.Equal("sim", options.DroneIdPrefix);
        Assert.Equal((47.6062, -122.3321, 6.0), (options.CenterLat, options.CenterLon, options.RadiusKm));
        Assert.Equal(1, options.Speed);
        Assert.Equal((1.0, 5.0, 60.0), (options.FixIntervalSeconds, options.IdleFixIntervalSeconds, options.PickupDwellSeconds));
        Assert.Equal(("FD-400 Sim", 5.0, 15.0, 40.0, 10.0), (options.Model, options.MaxPayloadKg, options.CruiseSpeedMps, options.RangeKm, options.ChargePctPerMinute));
        Assert.Equal(0, options.DemoDeliveriesPerMinute);
    }

    [Fact]
    public void The_logging_format_switch_of_the_backend_gives_the_simulator_JSON_console_logs_with_scopes()
    {
        using var host = SimulatorApplication.Create([ApiKeyArg, "--DroneDelivery:Logging:Format=Json"]);
        Assert.Equal(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var json = host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes && json.UseUtcTimestamp, "JSON lines carry scopes and UTC times.");
    }

    [Fact]
    public void Speed_on_the_command_line_sets_the_time_scale()
    {
        using var host = SimulatorApplication.Create([ApiKeyArg, "--speed", "20"]);
        Assert.Equal(20, host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.Speed);
    }

    [Theory]
    [InlineData("ApiKey", "DroneDelivery:Simulator:ApiKey is required")]
    [InlineData("Speed", "Speed")]
    public async Task Invalid_settings_stop_the_simulator_at_start(string setting, string message)
    {
        string[] args = setting == "ApiKey" ? [] : [ApiKeyArg, "--speed", "0"];
        using var host = SimulatorApplication.Create(args);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_goes_in_requests_of_at_most_a_thousand_fixes()
    {
        var fix = new OutgoingFix(new TelemetryFixDto("sim-001", DateTimeOffset.UnixEpoch, 0, 0, 0, 0, 0, 100));
        var requests = TelemetryUplink.Requests(Enumerable.Repeat(fix, 2500)).Select(r => r.Length);
        Assert.Equal([1000, 1000, 500], requests);
    }
}
