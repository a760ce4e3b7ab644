using System.Net;
using System.Text.Json;
using DroneDelivery.Grains.Deliveries;
using DroneDelivery.Grains.Drones;
using DroneDelivery.ServiceDefaults.Logging;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Tests.Integration;

/// <summary>What operators read in the logs: ids as scopes, JSON on request, and never a key or a token, at any level.</summary>
public sealed class LoggingTests(LoggingFixture fixture) : IClassFixture<LoggingFixture>
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;
    private readonly LogRecorder _logs = fixture.Logs;

    [Fact]
    public async Task No_API_key_or_tracking_token_appears_in_any_log_of_gateway_or_silo_even_at_Trace_level()
    {
        var area = TestArea.Next();
        var droneId = $"logs-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var (_, businessKey) = await Api.RegisterBusinessAsync(_cluster, "Secrets stay out of logs");
        using var business = _cluster.CreateClient(businessKey);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0)));
        var deliveryId = accepted["deliveryId"]!.GetValue<string>();
        var token = accepted["trackingToken"]!.GetValue<string>();

        // The customer: the link in a browser, the page's hub call, and a client sending the token as SignalR's access_token.
        using var anonymous = _cluster.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(accepted["trackingUrl"]!.GetValue<string>()))).StatusCode);
        await using (var customer = await TrackingClient.ConnectAsync(_cluster.GatewayAddress))
        {
            await customer.TrackAsync(deliveryId, token);
        }

        await anonymous.PostAsync(new Uri($"/hubs/tracking/negotiate?negotiateVersion=1&access_token={token}", UriKind.Relative), null);

        // Keys where they belong (the header), and where they don't (a query string).
        await Api.GetAsync(business, $"/api/deliveries/{deliveryId}?t={token}&apiKey={businessKey}");
        using var drone = _cluster.CreateClient(DroneDeliveryCluster.DroneKey);
        await Api.GetAsync(drone, $"/api/drones/{droneId}/mission?waitSeconds=0");
        string[] wrongKeys = [WrongSecret(businessKey), $"not-a-key-{Guid.NewGuid():N}", DroneDeliveryCluster.OperatorKey + "x"];
        foreach (var wrongKey in wrongKeys)
        {
            using var intruder = _cluster.CreateClient(wrongKey);
            Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.GetAsync(new Uri("/api/businesses/me", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.GetAsync(new Uri($"/api/drones/{droneId}", UriKind.Relative))).StatusCode);
        }

        // The request log of the last call is written after its response: once it is there, so is everything before it.
        var records = await Eventually.Until(
            () => Task.FromResult(_logs.Records),
            all => all.Count(r => IsRequestLog(r, $"/api/drones/{droneId}", HttpStatusCode.Unauthorized)) == wrongKeys.Length,
            TimeSpan.FromSeconds(20),
            "the request log of the last call");
        Assert.Contains(records, r => r.Category == LoggingExtensions.RequestLogCategory && r.Message.Contains($"/track/{deliveryId}", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal) && r.Level <= LogLevel.Debug);
        Assert.Contains(records, r => r.Category.StartsWith("Microsoft.AspNetCore.Authentication", StringComparison.Ordinal) || r.Category.StartsWith("DroneDelivery.GatewayApi.Auth", StringComparison.Ordinal));

        string[] secrets = [businessKey, businessKey.Split('.')[^1], DroneDeliveryCluster.OperatorKey, DroneDeliveryCluster.DroneKey, token, .. wrongKeys];
        foreach (var secret in secrets)
        {
            var leaks = records.Where(r => r.FullText.Contains(secret, StringComparison.Ordinal)).Select(r => $"[{r.Level}] {r.Category}: {r.Message}").Distinct().ToList();
            Assert.True(leaks.Count == 0, $"A secret was logged {leaks.Count} times, e.g.:\n{string.Join("\n", leaks.Take(5))}");
        }
    }

    [Fact]
    public async Task With_the_Json_format_every_console_line_is_a_JSON_object_and_a_delivery_grains_lines_carry_its_DeliveryId()
    {
        var area = TestArea.Next();
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var deliveryId = (await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0))))["deliveryId"]!.GetValue<string>();
        var grainLogs = await Eventually.Until(
            () => Task.FromResult(_logs.Records.Where(r => r.Category == typeof(DeliveryGrain).FullName && r.Message.Contains(deliveryId, StringComparison.Ordinal)).ToList()),
            found => found.Count > 0,
            TimeSpan.FromSeconds(20),
            $"delivery {deliveryId} to log");

        var services = _cluster.SiloServices.First();
        var console = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        var options = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(options.IncludeScopes && options.UseUtcTimestamp, "JSON lines carry scopes and UTC times.");
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == console.FormatterName);

        foreach (var record in _logs.Records)
        {
            var lines = Format(formatter, record).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"One line per entry, got {lines.Length} for {record.Category}: {record.Message}");
            using var _ = JsonDocument.Parse(lines[0]);
        }

        foreach (var record in grainLogs)
        {
            using var line = JsonDocument.Parse(Format(formatter, record));
            var root = line.RootElement;
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(root.GetProperty("Timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Offset);
            Assert.Equal(typeof(DeliveryGrain).FullName, root.GetProperty("Category").GetString());
            Assert.Contains(root.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("DeliveryId", out var id) && id.GetString() == deliveryId);
        }
    }

    [Fact]
    public async Task Requests_and_grain_calls_for_one_delivery_or_drone_log_with_its_id_as_a_scope()
    {
        var area = TestArea.Next();
        var droneId = $"logs-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(2, 0), area.At(4, 0)));
        Assert.Equal("Scheduled", Api.Stage(accepted));
        var deliveryId = accepted["deliveryId"]!.GetValue<string>();
        await Api.GetAsync(business, $"/api/deliveries/{deliveryId}/status");
        await Api.GetAsync(ops, $"/api/drones/{droneId}");

        // A fix away from its base (take-off) reaches the drone grain through the telemetry stream, not a request.
        await new DronePilot(ops, droneId).ReportAsync(area.At(1, 0));

        await Eventually.Until(
            () => Task.FromResult(
                _logs.Records.Any(r => r.Category == LoggingExtensions.RequestLogCategory && Equals(r.Scope("DeliveryId"), deliveryId) && r.Message.Contains("/status", StringComparison.Ordinal))
                && _logs.Records.Any(r => r.Category == LoggingExtensions.RequestLogCategory && Equals(r.Scope("DroneId"), droneId))),
            TimeSpan.FromSeconds(20),
            "the gateway's request log lines with the delivery's and the drone's ids as scopes");

        var records = _logs.Records;
        var requested = records.Single(r => r.Category == typeof(DeliveryGrain).FullName && r.Message.Contains($"{deliveryId} requested", StringComparison.Ordinal));
        Assert.Equal(deliveryId, requested.Scope("DeliveryId"));
        var assigned = records.Single(r => r.Category == typeof(DroneGrain).FullName && r.Message.Contains($"{droneId} took delivery {deliveryId}", StringComparison.Ordinal));
        Assert.Equal(droneId, assigned.Scope("DroneId"));
        var arrived = await Eventually.Until(
            () => Task.FromResult(_logs.Records.Where(r => r.Category == typeof(DroneGrain).FullName && r.Message.Contains($"{droneId} on delivery {deliveryId}: TookOff", StringComparison.Ordinal)).ToList()),
            found => found.Count > 0,
            TimeSpan.FromSeconds(20),
            "the drone's log of its take-off");
        Assert.Equal(droneId, arrived[0].Scope("DroneId"));
    }

    /// <summary>
    /// The request log of a call to exactly <paramref name="path"/> answered with <paramref name="status"/>;
    /// whole lines, since "401" can also be part of a duration and a path the start of a longer one.
    /// </summary>
    private static bool IsRequestLog(LogRecord record, string path, HttpStatusCode status)
    {
        if (record.Category != LoggingExtensions.RequestLogCategory)
        {
            return false;
        }

        var lines = record.Message.Split('\n').Select(line => line.Trim()).ToList();
        return lines.Contains($"Path: {path}") && lines.Contains($"StatusCode: {(int)status}");
    }

    private static string WrongSecret(string businessKey) =>
        businessKey[..^8] + (businessKey.EndsWith("00000000", StringComparison.Ordinal) ? "11111111" : "00000000");

    private static string Format(ConsoleFormatter formatter, LogRecord record)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(
            record.Level, record.Category, record.EventId, record.Values, record.Exception, (_, _) => record.Message);
        formatter.Write(in entry, new ReplayedScopes(record.Scopes), writer);
        return writer.ToString();
    }
}
