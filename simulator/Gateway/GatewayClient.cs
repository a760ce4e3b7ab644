using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Simulator.Gateway;

/// <summary>
/// The gateway's public API, as a drone (and the demo business) calls it. Nothing here throws on
/// an HTTP error: transient failures (no connection, timeouts, 408, 429, 5xx) are retried with
/// backoff, honouring Retry-After; what the gateway refuses (other 4xx) is logged, then either
/// retried too (calls a drone can't do without) or given up (one batch of fixes, one request).
/// </summary>
public sealed partial class GatewayClient : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Longest wait a mission long-poll asks the gateway for.</summary>
    public const int MaxMissionWaitSeconds = 20;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    // A long-poll may take its full wait; give the answer some time on top before giving up.
    private static readonly TimeSpan LongPollGrace = TimeSpan.FromSeconds(10);

    private static readonly string[] ProblemFields = ["title", "detail"];

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayClient> _logger;

    public GatewayClient(IOptions<SimulatorOptions> options, TimeProvider time, ILogger<GatewayClient> logger)
    {
        var settings = options.Value;
        _apiKey = settings.ApiKey;
        _time = time;
        _logger = logger;

        // Relative paths below resolve under the base, which may itself have a path.
        var baseUrl = settings.GatewayUrl.EndsWith('/') ? settings.GatewayUrl : settings.GatewayUrl + "/";
        var handler = new SocketsHttpHandler
        {
            // Pick up DNS changes of the gateway now and then.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(baseUrl, UriKind.Absolute),
            // Each call sets its own deadline (long-polls need longer than the rest).
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary><c>PUT /api/drones/{id}</c> until it succeeds; true when the drone was new (201).</summary>
    public async Task<bool> RegisterDroneAsync(string droneId, RegisterDroneRequest body, CancellationToken cancellationToken) =>
        await SendAsync(
            $"register drone {droneId}",
            () => Request(HttpMethod.Put, $"api/drones/{Uri.EscapeDataString(droneId)}", _apiKey, body),
            RequestTimeout,
            OnRefusal.Retry,
            (response, _) => Task.FromResult(response.StatusCode == HttpStatusCode.Created),
            cancellationToken);

    /// <summary>
    /// <c>GET /api/drones/{id}/mission</c>: the drone's mission at once if its version isn't
    /// <paramref name="after"/>, else the gateway waits up to <paramref name="waitSeconds"/> for a change.
    /// Retried until it gets an answer.
    /// </summary>
    public async Task<DroneMissionResponse> WaitForMissionAsync(string droneId, long? after, int waitSeconds, CancellationToken cancellationToken)
    {
        var wait = Math.Clamp(waitSeconds, 0, MaxMissionWaitSeconds);
        var query = after is { } version
            ? string.Create(CultureInfo.InvariantCulture, $"?after={version}&waitSeconds={wait}")
            : string.Create(CultureInfo.InvariantCulture, $"?waitSeconds={wait}");
        var answer = await SendAsync(
            $"mission of drone {droneId}",
            () => Request(HttpMethod.Get, $"api/drones/{Uri.EscapeDataString(droneId)}/mission{query}", _apiKey),
            TimeSpan.FromSeconds(wait) + LongPollGrace,
            OnRefusal.Retry,
            ReadJsonAsync<DroneMissionResponse>,
            cancellationToken);
        return answer!;
    }

    /// <summary><c>POST /api/telemetry</c> with at most 1000 fixes; the number accepted, or null when the gateway refused the batch.</summary>
    public async Task<int?> PostTelemetryAsync(IReadOnlyCollection<TelemetryFixDto> fixes, CancellationToken cancellationToken)
    {
        var accepted = await SendAsync(
            $"telemetry ({fixes.Count} fixes)",
            () => Request(HttpMethod.Post, "api/telemetry", _apiKey, fixes),
            RequestTimeout,
            OnRefusal.GiveUp,
            ReadJsonAsync<TelemetryAcceptedResponse>,
            cancellationToken);
        return accepted?.Accepted;
    }

    /// <summary><c>POST /api/deliveries/{id}/confirmations</c>; false when the gateway refused it.</summary>
    public Task<bool> PostConfirmationAsync(string deliveryId, ConfirmationRequest body, CancellationToken cancellationToken) =>
        SendAsync(
            $"{body.Type} confirmation of delivery {deliveryId}",
            () => Request(HttpMethod.Post, $"api/deliveries/{Uri.EscapeDataString(deliveryId)}/confirmations", _apiKey, body),
            RequestTimeout,
            OnRefusal.GiveUp,
            (_, _) => Task.FromResult(true),
            cancellationToken);

    /// <summary><c>POST /api/businesses</c> (anonymous) until it succeeds.</summary>
    public async Task<BusinessCreatedResponse> RegisterBusinessAsync(string name, CancellationToken cancellationToken)
    {
        var created = await SendAsync(
            $"register business '{name}'",
            () => Request(HttpMethod.Post, "api/businesses", apiKey: null, new RegisterBusinessRequest(name)),
            RequestTimeout,
            OnRefusal.Retry,
            async (response, token) =>
            {
                var body = await ReadJsonAsync<BusinessCreatedResponse>(response, token);
                return string.IsNullOrEmpty(body.ApiKey) ? throw new JsonException("The answer has no apiKey.") : body;
            },
            cancellationToken);
        return created!;
    }

    /// <summary><c>POST /api/deliveryrequests</c> with a business key; null when the gateway refused it.</summary>
    public Task<DeliveryAcceptedResponse?> RequestDeliveryAsync(string businessApiKey, DeliveryRequestDto body, CancellationToken cancellationToken) =>
        SendAsync(
            $"delivery request {body.DeliveryId}",
            () => Request(HttpMethod.Post, "api/deliveryrequests", businessApiKey, body),
            RequestTimeout,
            OnRefusal.GiveUp,
            ReadJsonAsync<DeliveryAcceptedResponse>,
            cancellationToken);

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, string? apiKey, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeyHeader, apiKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: GatewayJson.Options);
        }

        return request;
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(GatewayJson.Options, cancellationToken)
            ?? throw new JsonException("The answer is empty.");

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    /// <summary>What went wrong, from an RFC 7807 body if there is one: its title and detail.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return status;
        }

        try
        {
            using var problem = JsonDocument.Parse(text);
            var parts = ProblemFields
                .Select(name => problem.RootElement.ValueKind == JsonValueKind.Object
                    && problem.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString() : null)
                .Where(part => !string.IsNullOrWhiteSpace(part));
            var summary = string.Join(": ", parts);
            if (summary.Length > 0)
            {
                return $"{status} ({summary})";
            }
        }
        catch (JsonException)
        {
            // Not problem+json; show the start of whatever it is.
        }

        return string.IsNullOrWhiteSpace(text) ? status : $"{status} ({text[..Math.Min(text.Length, 200)]})";
    }

    /// <summary>Sends a request built afresh for every attempt, until it succeeds or, for a refusal, as <paramref name="onRefusal"/> says.</summary>
    private async Task<T?> SendAsync<T>(
        string operation,
        Func<HttpRequestMessage> createRequest,
        TimeSpan timeout,
        OnRefusal onRefusal,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        var backoff = new Backoff(FirstRetryDelay, LongestRetryDelay);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string failure;
            var transient = true;
            TimeSpan? retryAfter = null;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(timeout);
                try
                {
                    using var request = createRequest();
                    using var response = await _http.SendAsync(request, deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        try
                        {
                            var value = await read(response, deadline.Token);
                            if (backoff.Failures > 0)
                            {
                                LogRecovered(_logger, operation, backoff.Failures);
                            }

                            return value;
                        }
                        catch (JsonException e)
                        {
                            failure = $"{(int)response.StatusCode} with an unreadable body ({e.Message})";
                            transient = false;
                        }
                    }
                    else
                    {
                        failure = await DescribeAsync(response, deadline.Token);
                        transient = IsTransient(response.StatusCode);
                        retryAfter = RetryAfter(response);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {timeout.TotalSeconds:0} s";
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }
            }

            if (!transient && onRefusal == OnRefusal.GiveUp)
            {
                LogGaveUp(_logger, operation, failure);
                return default;
            }

            var delay = backoff.NextDelay(retryAfter);
            LogRetrying(_logger, operation, failure, delay.TotalSeconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway call {Operation} failed: {Failure}; retrying in {DelaySeconds:0.0} s")]
    private static partial void LogRetrying(ILogger logger, string operation, string failure, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway refused {Operation}: {Failure}; giving it up")]
    private static partial void LogGaveUp(ILogger logger, string operation, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway call {Operation} succeeded after {Failures} failed attempts")]
    private static partial void LogRecovered(ILogger logger, string operation, int failures);
}
