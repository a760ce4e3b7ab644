using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A business's webhook endpoint: real HTTP on a loopback port of its own, recording every request
/// it gets. It can be told to answer 500 to the next few, and be stopped and started again on the
/// same port, to play a receiver that fails or is down.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly int _port = FreePort.Next();
    private WebApplication? _app;
    private int _failNext;

    /// <summary>The webhook URL to register; it stays the same across a stop and start.</summary>
    public string Url => $"http://127.0.0.1:{_port}/hooks";

    /// <summary>Every request so far, answered or failed, in the order they came.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Only the requests answered 200: what the business has taken in.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.Answered == StatusCodes.Status200OK)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartListeningAsync();
        return receiver;
    }

    /// <summary>A receiver whose port nothing listens on until <see cref="StartListeningAsync"/>.</summary>
    public static WebhookReceiver Down() => new();

    /// <summary>The next <paramref name="count"/> requests get a 500.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    public async Task StartListeningAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var status = TakeFailure() ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            _received.Enqueue(new ReceivedWebhook(
                body.ToArray(),
                request.Headers["X-Signature"].ToString(),
                request.Headers["X-Webhook-Id"].ToString(),
                request.Headers["X-Webhook-Timestamp"].ToString(),
                status));
            return Results.StatusCode(status);
        });
        await _app.StartAsync();
    }

    public async Task StopListeningAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopListeningAsync());

    private bool TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failNext);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
