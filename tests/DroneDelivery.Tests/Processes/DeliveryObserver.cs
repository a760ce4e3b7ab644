using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// Watches every accepted delivery through the public API, as a business would, over and over:
/// each stage change, each 404 for a delivery accepted with 202, and any moment two unfinished
/// deliveries hold the same drone. Every answer lands in the <see cref="ResponseLog"/>.
/// </summary>
internal sealed class DeliveryObserver(ProcessSystem system, ResponseLog log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ObservedDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<Uri, HttpClient> _clients = new();
    private readonly ConcurrentQueue<string> _doubleAssignments = new();
    private readonly ConcurrentQueue<string> _regressions = new();
    // Each drone and set of deliveries once: a pair that stays stuck is one finding, not one per sweep.
    private readonly HashSet<string> _reportedSharing = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _next;
    private long _lastProgress = DateTimeOffset.UtcNow.UtcTicks;
    private long _lastCleanSweepStart;

    public string BusinessKey { get; private set; } = "";

    public IReadOnlyCollection<ObservedDelivery> Deliveries => [.. _deliveries.Values];

    public IReadOnlyCollection<string> DoubleAssignments => _doubleAssignments;

    /// <summary>Deliveries seen to go back to an earlier stage: a stage change that was not written.</summary>
    public IReadOnlyCollection<string> Regressions => _regressions;

    /// <summary>When a delivery was last seen to change stage.</summary>
    public DateTimeOffset LastProgress => new(Interlocked.Read(ref _lastProgress), TimeSpan.Zero);

    /// <summary>Start of the last sweep in which every unfinished delivery answered 200.</summary>
    public DateTimeOffset LastCleanSweepStart => new(Interlocked.Read(ref _lastCleanSweepStart), TimeSpan.Zero);

    public int Count(Func<ObservedDelivery, bool> which) => _deliveries.Values.Count(which);

    /// <summary>Registers the business whose deliveries are watched, and starts watching.</summary>
    public async Task StartAsync()
    {
        using var anonymous = ProcessSystem.CreateClient(system.LiveGateways[0], apiKey: null, log);
        var response = await anonymous.PostAsJsonAsync("/api/businesses", new { name = "Fault test business" });
        response.EnsureSuccessStatusCode();
        BusinessKey = (await response.Content.ReadFromJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>();
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    public void Accepted(string id) => _deliveries.TryAdd(id, new ObservedDelivery(id));

    /// <summary>A business client of the next live gateway, round robin, answers recorded.</summary>
    public HttpClient NextClient()
    {
        var live = system.LiveGateways;
        if (live.Count == 0)
        {
            // Every gateway is down (a whole restart): to a client that is a refused connection.
            throw new HttpRequestException(HttpRequestError.ConnectionError, "No gateway is running.");
        }

        var gateway = live[(int)((uint)Interlocked.Increment(ref _next) % live.Count)];
        return _clients.GetOrAdd(gateway, g => ProcessSystem.CreateClient(g, BusinessKey, log));
    }

    /// <summary>Polls until every accepted delivery is finished, or the timeout; false then.</summary>
    public async Task<bool> WaitAllFinishedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_deliveries.Values.All(d => d.IsFinished))
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = DateTimeOffset.UtcNow;
            var clean = await SweepAsync(stop);
            if (clean)
            {
                Interlocked.Exchange(ref _lastCleanSweepStart, started.UtcTicks);
            }

            await CheckDronesAsync(stop);
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads every unfinished delivery once; true when each one answered 200.</summary>
    private async Task<bool> SweepAsync(CancellationToken stop)
    {
        var answered = 0;
        var unfinished = _deliveries.Values.Where(d => !d.IsFinished).ToList();
        await Parallel.ForEachAsync(unfinished, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = CancellationToken.None }, async (delivery, _) =>
        {
            if (!stop.IsCancellationRequested && await ReadAsync(delivery))
            {
                Interlocked.Increment(ref answered);
            }
        });
        return answered == unfinished.Count;
    }

    private async Task<bool> ReadAsync(ObservedDelivery delivery)
    {
        try
        {
            var response = await NextClient().GetAsync(new Uri($"/api/deliveries/{delivery.Id}/status", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                delivery.TimesNotFound++;
                return false;
            }

            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var stage = status["stage"]!.GetValue<string>();
            delivery.DroneId = status["droneId"]?.GetValue<string>();
            if (stage != delivery.Stage)
            {
                if (ObservedDelivery.Order(stage) < ObservedDelivery.Order(delivery.Stage))
                {
                    _regressions.Enqueue($"{delivery.Id} went back from {delivery.Stage} to {stage}");
                }

                delivery.Stage = stage;
                Interlocked.Exchange(ref _lastProgress, DateTimeOffset.UtcNow.UtcTicks);
            }

            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            // Counted by the log; a gateway that is down is tried again on the next sweep.
            return false;
        }
    }

    /// <summary>
    /// Two unfinished deliveries on one drone in the same sweep may just be a sweep that read one
    /// before it finished and the next after its drone took it, so both are read again, at once.
    /// </summary>
    private async Task CheckDronesAsync(CancellationToken stop)
    {
        var shared = _deliveries.Values.Where(d => d.HoldsDrone).GroupBy(d => d.DroneId!).Where(g => g.Count() > 1).ToList();
        foreach (var group in shared)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var again = await Task.WhenAll(group.Select(ReadAsync));
            var holders = group.Where(d => d.HoldsDrone && d.DroneId == group.Key).Select(d => $"{d.Id} ({d.Stage})").ToList();
            if (again.All(ok => ok) && holders.Count > 1 && _reportedSharing.Add($"{group.Key}: {string.Join(", ", holders.Order())}"))
            {
                _doubleAssignments.Enqueue(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} drone {group.Key} held {string.Join(", ", holders)}"));
            }
        }
    }
}
