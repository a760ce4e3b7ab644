using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>A customer's live-tracking connection to one gateway, as a real SignalR client; it records every message it receives.</summary>
internal sealed class TrackingClient : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(string Kind, JsonElement Message)> _received = [];
    private readonly List<(string DeliveryId, string Token)> _tracked = [];

    private TrackingClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("position", m => Record("position", m));
        connection.On<JsonElement>("status", m => Record("status", m));

        // What the tracking page does: after a reconnect, watch again.
        connection.Reconnected += async _ =>
        {
            foreach (var (deliveryId, token) in Tracked())
            {
                await connection.InvokeAsync<JsonElement>("Track", deliveryId, token);
            }
        };
    }

    public HubConnection Connection { get; }

    public static async Task<TrackingClient> ConnectAsync(Uri gateway, bool automaticReconnect = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(gateway, "/hubs/tracking"));
        if (automaticReconnect)
        {
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)]);
        }

        var client = new TrackingClient(builder.Build());
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>Invokes <c>Track</c> and returns its snapshot.</summary>
    public async Task<JsonElement> TrackAsync(string deliveryId, string token)
    {
        var snapshot = await Connection.InvokeAsync<JsonElement>("Track", deliveryId, token);
        lock (_lock)
        {
            _tracked.Add((deliveryId, token));
        }

        return snapshot;
    }

    public IReadOnlyList<JsonElement> Positions => Received("position");

    public IReadOnlyList<JsonElement> Statuses => Received("status");

    /// <summary>Waits for a position message matching <paramref name="accept"/>.</summary>
    public Task<JsonElement> PositionAsync(Func<JsonElement, bool> accept, string what) => WaitAsync("position", accept, what);

    public Task<JsonElement> StatusAsync(Func<JsonElement, bool> accept, string what) => WaitAsync("status", accept, what);

    public Task<JsonElement> StageAsync(string stage) => StatusAsync(s => s.GetProperty("stage").GetString() == stage, $"the status {stage}");

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private async Task<JsonElement> WaitAsync(string kind, Func<JsonElement, bool> accept, string what)
    {
        var found = await Eventually.Until(
            () => Task.FromResult(Received(kind).Where(accept).ToList()),
            matches => matches.Count > 0,
            TimeSpan.FromSeconds(30),
            what);
        return found[^1];
    }

    private void Record(string kind, JsonElement message)
    {
        lock (_lock)
        {
            _received.Add((kind, message.Clone()));
        }
    }

    private List<JsonElement> Received(string kind)
    {
        lock (_lock)
        {
            return [.. _received.Where(r => r.Kind == kind).Select(r => r.Message)];
        }
    }

    private List<(string, string)> Tracked()
    {
        lock (_lock)
        {
            return [.. _tracked];
        }
    }
}
