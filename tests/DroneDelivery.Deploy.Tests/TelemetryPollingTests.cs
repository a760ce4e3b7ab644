using System.ComponentModel.DataAnnotations;
using DroneDelivery.GrainInterfaces.Streams;
using DroneDelivery.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace DroneDelivery.Deploy.Tests;

/// <summary>
/// How soon the silo's pulling agents look again at an empty telemetry queue: soon where a read
/// is local, at Orleans' own pace where each read is a paid request, as configured when set.
/// Hosts are built, not started, so nothing is contacted.
/// </summary>
public sealed class TelemetryPollingTests
{
    [Theory]
    [InlineData("Memory", 20)]
    [InlineData("EventHubs", 20)]
    [InlineData("AzureQueue", 100)]
    public async Task Each_provider_polls_an_empty_queue_at_its_default_pace(string provider, int milliseconds)
    {
        await using var silo = SiloApplication.Create([$"--DroneDelivery:Telemetry:Provider={provider}", .. EventHubsConnection]);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), PollInterval(silo.Services));
    }

    [Fact]
    public async Task A_configured_poll_interval_is_the_one_used()
    {
        await using var silo = SiloApplication.Create(["--DroneDelivery:Telemetry:Provider=AzureQueue", "--DroneDelivery:Telemetry:PollInterval=00:00:00.250"]);

        Assert.Equal(TimeSpan.FromMilliseconds(250), PollInterval(silo.Services));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:05:00")]
    public void A_poll_interval_out_of_range_stops_the_silo_naming_it(string value)
    {
        var error = Assert.Throws<ValidationException>(() => SiloApplication.Create([$"--DroneDelivery:Telemetry:PollInterval={value}"]));

        Assert.Contains("PollInterval", error.Message, StringComparison.Ordinal);
    }

    private static string[] EventHubsConnection =>
        ["--DroneDelivery:Telemetry:EventHubs:FullyQualifiedNamespace=fdd-test-events.servicebus.windows.net"];

    private static TimeSpan PollInterval(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(TelemetryStreams.ProviderName).GetQueueMsgsTimerPeriod;
}
