using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Load;
using DroneDelivery.Bench.Reporting;
using DroneDelivery.GatewayApi.Contracts;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Scenario 4: customers watching deliveries live. Drones fly a delivery each and post a fix a
/// tick, in requests of up to 1,000 spread over the tick; SignalR clients watching those
/// deliveries count the position messages that reach them and how long after the fix. The ceiling is the same connections
/// reached by a bare hub broadcast from the same gateway, with no grain in between.
/// </summary>
public static class FanoutScenario
{
    private const int MaxFixesPerRequest = 1000;
    private static readonly TimeSpan PrimeTimeout = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioRun> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var inMemory = options.FanoutStorage == "memory";
        Console.WriteLine($"fanout: starting Azurite, silo and gateway, grain state in {options.FanoutStorage}");
        await using var system = await BenchSystem.StartAsync(memoryGrainStorage: inMemory, cancellationToken);
        using var operatorClient = system.CreateClient(BenchSystem.OperatorKey);
        using var anonymous = system.CreateClient();
        using var droneClient = system.CreateClient(BenchSystem.DroneKey);

        var area = new BenchArea(options.Cells);
        Console.WriteLine($"fanout: registering {options.FanoutDrones} drones and a delivery for each");
        var drones = await Fleet.RegisterDronesAsync(operatorClient, area, "fan", options.FanoutDrones, options.Concurrency, cancellationToken);
        using var business = system.CreateClient(await Fleet.RegisterBusinessAsync(anonymous, cancellationToken));
        var deliveries = await ScheduleDeliveriesAsync(business, operatorClient, area, drones.Count, options.Concurrency, cancellationToken);

        // Messages of the two phases tell themselves apart by delivery id, so a late one of the
        // first phase never counts in the second.
        var positions = new ArrivalWindow();
        var broadcasts = new ArrivalWindow();
        void OnArrival(WatcherArrival arrival) => (arrival.Broadcast ? broadcasts : positions).Record(arrival.StampedAt, arrival.ReceivedAt);

        // Where a position's time goes: the silo's and the gateway's own lag histograms, read in process.
        var fixToDrone = new ArrivalWindow();
        var fixToSend = new ArrivalWindow();
        using var droneLag = new LagListener(system.SiloMeters, "dronedelivery.telemetry.lag", fixToDrone);
        using var sendLag = new LagListener(system.GatewayMeters, "dronedelivery.push.position_lag", fixToSend);
        using var streamCache = new StreamCacheProbe(system.SiloMeters);

        // What the gateway did with the positions: updates taken from the grains, messages handed to connections.
        using var updatesReceived = new HostCounter(system.GatewayMeters, "dronedelivery.push.updates_received");
        using var positionsSent = new HostCounter(system.GatewayMeters, "dronedelivery.push.messages_sent", ("kind", "position"));

        Console.WriteLine($"fanout: connecting {options.Watchers} watchers to {deliveries.Count} deliveries, from a process of their own");
        var watched = Enumerable.Range(0, options.Watchers).Select(i => deliveries[i % deliveries.Count]).ToList();
        await using var connected = await WatcherProcess.StartAsync(system.GatewayAddress, watched, OnArrival, cancellationToken);
        var (w, d) = (options.Warmup, options.Duration);
        var speedMps = FixPath.StepMeters * options.FixHz;
        var tick = -1L;
        Task<Outcome> PostFixesAsync(CancellationToken ct) =>
            PostFixesOfTickAsync(droneClient, deliveries, Interlocked.Increment(ref tick), speedMps, TimeSpan.FromSeconds(1 / options.FixHz), ct);

        Console.WriteLine("fanout: first fixes, until every watcher has received one");
        var primed = await PrimeAsync(connected, PostFixesAsync, cancellationToken);
        Console.WriteLine($"fanout: positions ({options.FixHz} fixes/s from each of {deliveries.Count} drones, {connected.Count} watchers)");
        positions.Open(w, d);
        fixToDrone.Open(w, d);
        fixToSend.Open(w, d);
        var gatewayCounts = CountWindowAsync(updatesReceived, positionsSent, w, d);
        var posted = await ClosedLoop.RunAsync("fanout-fixes-posted", "fix", 1, w, d, (_, ct) => PostFixesAsync(ct),
            new Pacer(options.FixHz).WaitTurnAsync, operationsPerCall: deliveries.Count);
        var fanout = positions.Measure("fanout-position", "message", d);
        var toDrone = fixToDrone.Measure("fanout-fix-to-drone", "fix", d);
        var toSend = fixToSend.Measure("fanout-fix-to-send", "message", d);
        var (cachedMessages, cachedBytes) = streamCache.Read();
        var (received, sent, spent) = await gatewayCounts;

        // Each update of a watched delivery is owed to each of its watchers; what the pump did not send, it coalesced.
        var watchersPerDelivery = (double)connected.Count / Math.Min(connected.Count, deliveries.Count);
        var coalesced = Math.Max(0, (received * watchersPerDelivery) - sent);

        Console.WriteLine("fanout: ceiling, a hub broadcast to every watcher");
        await PrimeAsync(connected, ct => BroadcastAsync(anonymous, ct), cancellationToken);
        broadcasts.Open(w, d);
        await ClosedLoop.RunAsync("broadcasts", "request", 1, w, d, (_, ct) => BroadcastAsync(anonymous, ct), new Pacer(options.FixHz).WaitTurnAsync);
        var hubSend = broadcasts.Measure("ceiling-hub-send", "message", d);

        // The gateway coalesces: a connection gets at most MaxMessagesPerSecond positions a second.
        // The rate is what the drones were sent in the window: the pacer makes up a late tick with
        // the next ones, so a window after a slow warm-up holds more than --fix-hz ticks.
        var fixesPerDronePerSecond = posted.PerSecond / deliveries.Count;
        var expected = Math.Round(connected.Count * Math.Min(fixesPerDronePerSecond, system.TrackingPush.MaxMessagesPerSecond), 1);
        var ratios = new Dictionary<string, double>
        {
            ["fanout-position/ceiling-hub-send"] = IngestScenario.Ratio(fanout, hubSend),
            ["fanout-p99/ceiling-p99"] = Math.Round(fanout.P99Ms / Math.Max(hubSend.P99Ms, 1e-9), 3),
            ["fanout-position/expected"] = Math.Round(fanout.PerSecond / expected, 4),
            ["ceiling-hub-send/expected"] = Math.Round(hubSend.PerSecond / (connected.Count * options.FixHz), 4),
            ["expected-messages-per-second"] = expected,
            ["fixes-per-drone-per-second"] = Math.Round(fixesPerDronePerSecond, 3),
            ["watchers"] = connected.Count,
            ["watchers-reached-by-the-first-fixes"] = primed,
            ["drones"] = deliveries.Count,
            ["stream-cache-messages-at-end"] = cachedMessages,
            ["stream-cache-megabytes-at-end"] = Math.Round(cachedBytes / 1048576.0, 1),
            ["gateway-updates-received-per-second"] = Math.Round(received / d.TotalSeconds, 1),
            ["gateway-positions-sent-per-second"] = Math.Round(sent / d.TotalSeconds, 1),
            ["coalesced-per-second"] = Math.Round(coalesced / d.TotalSeconds, 1),
            ["allocated-bytes-per-fix"] = toDrone.Operations > 0 ? Math.Round((double)spent.AllocatedBytes / toDrone.Operations) : 0,
            ["cpu-microseconds-per-fix"] = toDrone.Operations > 0 ? Math.Round(spent.Cpu.TotalMicroseconds / toDrone.Operations, 1) : 0,
        };
        spent.AddCollectionRatios(ratios, d);
        return new ScenarioRun(inMemory ? "memory-grain-state" : "azure-table-grain-state", [fanout, toDrone, toSend, posted, hubSend], ratios);
    }

    /// <summary>
    /// The two gateway counters' growth over the measured window (after the warm-up, for the
    /// duration), and what the process spent meanwhile: the watchers are in their own process, so
    /// that is the silo, the gateway and the fixes' senders.
    /// </summary>
    private static async Task<(long Received, long Sent, ProcessSample Spent)> CountWindowAsync(HostCounter received, HostCounter sent, TimeSpan warmup, TimeSpan duration)
    {
        await Task.Delay(warmup);
        var (received0, sent0, sample) = (received.Total, sent.Total, ProcessSample.Now());
        await Task.Delay(duration);
        return (received.Total - received0, sent.Total - sent0, ProcessSample.Since(sample));
    }

    /// <summary>
    /// Posts one delivery request per drone, each near the drones of one cell in turn, and keeps
    /// those scheduled at once, with their drone's home, which its fixes start from.
    /// </summary>
    private static async Task<IReadOnlyList<TrackedDelivery>> ScheduleDeliveriesAsync(
        HttpClient business, HttpClient operatorClient, BenchArea area, int count, int concurrency, CancellationToken cancellationToken)
    {
        var scheduled = new ConcurrentBag<TrackedDelivery>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (pickup, dropoff) = (BenchArea.PointNear(i % area.Cells, 3), BenchArea.PointNear(i % area.Cells, 5));
                var body = new { pickup, dropoff, package = new { size = "Small", weightKg = 1 } };
                using var response = await business.PostAsJsonAsync("/api/deliveryrequests", body, ct);
                await Fleet.EnsureAsync(response, HttpStatusCode.Accepted, ct);
                using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var root = accepted.RootElement;
                if (root.GetProperty("stage").GetString() != "Scheduled" || root.GetProperty("droneId").GetString() is not { } droneId)
                {
                    return;
                }

                using var drone = JsonDocument.Parse(await operatorClient.GetStringAsync(new Uri($"/api/drones/{droneId}", UriKind.Relative), ct));
                var home = drone.RootElement.GetProperty("homeBase");
                var homePoint = new GeoPoint(home.GetProperty("lat").GetDouble(), home.GetProperty("lon").GetDouble());

                // A drop-off that happens to lie next to the base leaves no line to fly without delivering: left out.
                if (FixPath.TryPlan(homePoint, pickup, dropoff) is { } path)
                {
                    scheduled.Add(new TrackedDelivery(root.GetProperty("deliveryId").GetString()!, root.GetProperty("trackingToken").GetString()!, droneId, path));
                }
            });

        if (scheduled.IsEmpty)
        {
            throw new InvalidOperationException("No delivery was scheduled at once: the fan-out needs drones flying them.");
        }

        if (scheduled.Count < count)
        {
            Console.WriteLine($"fanout: {count - scheduled.Count} of {count} deliveries waited for a drone, or lay too near their drone's base, and are left out");
        }

        return [.. scheduled.OrderBy(d => d.DeliveryId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One fix of every drone, in as few requests as the API allows. Drones report on clocks of
    /// their own, not all at one instant, so the tick's requests leave spread evenly over it, each
    /// fix stamped as its request leaves. A fleet that fits one request sends it at the tick.
    /// </summary>
    private static async Task<Outcome> PostFixesOfTickAsync(
        HttpClient droneClient, IReadOnlyList<TrackedDelivery> deliveries, long tick, double speedMps, TimeSpan tickPeriod, CancellationToken cancellationToken)
    {
        var slices = deliveries.Chunk(MaxFixesPerRequest).ToArray();
        var spacing = tickPeriod / slices.Length;
        var started = Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(slices.Select(async (slice, i) =>
        {
            // Pacing, not waiting for anything: the slice's turn within the tick.
            var turn = (spacing * i) - Stopwatch.GetElapsedTime(started);
            if (turn > TimeSpan.Zero)
            {
                await Task.Delay(turn, cancellationToken);
            }

            var at = DateTimeOffset.UtcNow;
            var fixes = slice.Select(d =>
            {
                var (point, headingDeg) = d.Path.At(tick);
                return new { droneId = d.DroneId, at, lat = Math.Round(point.Lat, 7), lon = Math.Round(point.Lon, 7), alt = 120, speedMps, headingDeg, batteryPct = 80 };
            }).ToArray();
            using var response = await droneClient.PostAsJsonAsync("/api/telemetry", fixes, cancellationToken);
            return response.StatusCode;
        }));
        return answers.All(s => s == HttpStatusCode.Accepted) ? Outcome.Ok : Outcome.Error;
    }

    private static async Task<Outcome> BroadcastAsync(HttpClient anonymous, CancellationToken cancellationToken)
    {
        using var response = await anonymous.PostAsync(new Uri(BenchEndpoints.BroadcastPath, UriKind.Relative), null, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted ? Outcome.Ok : Outcome.Error;
    }

    /// <summary>
    /// Sends once and waits, up to <see cref="PrimeTimeout"/>, until every watcher has received
    /// it, so the measured phase starts with the path warm; returns how many were reached.
    /// </summary>
    private static async Task<int> PrimeAsync(WatcherProcess watchers, Func<CancellationToken, Task<Outcome>> send, CancellationToken cancellationToken)
    {
        var sentAt = DateTimeOffset.UtcNow;
        if (await send(cancellationToken) == Outcome.Error)
        {
            throw new InvalidOperationException("The gateway refused the first send of the phase.");
        }

        var deadline = DateTimeOffset.UtcNow + PrimeTimeout;
        int reached;
        while ((reached = watchers.CountReachedSince(sentAt)) < watchers.Count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        if (reached < watchers.Count)
        {
            Console.WriteLine($"fanout: only {reached} of {watchers.Count} watchers were reached within {PrimeTimeout.TotalSeconds} s");
        }

        return reached;
    }
}
