using System.Net;
using System.Text.Json;
using CsCheck;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// The hubs under generated invocations, from real SignalR clients: unknown methods, wrong argument
/// counts and types, ids with path characters, tokens of other deliveries. Each gets a
/// <see cref="HubException"/> (or its answer, for a delivery with its own token), and the connection lives on.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileHubTests(HostileFixture fixture, ITestOutputHelper output)
{
    private const int Cases = 300;

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;
    private readonly HostileWorld _world = fixture.World;

    [Fact]
    public async Task Hostile_tracking_calls_get_a_hub_exception_and_the_connection_stays_healthy()
    {
        await using var connection = await ConnectAsync("/hubs/tracking");
        var tokens = _world.TrackingTokens;
        var answered = 0;
        var refused = 0;

        await HubCall.Generate(["Track", "Untrack"], [.. tokens.Keys, "victim", "../x"], [.. tokens.Values, "", new string('t', 129)]).SampleAsync(
            async call =>
            {
                // SignalR matches method names in any case.
                var mayAnswer = Is(call, "Untrack") && call.Arguments is [string or null]
                    || Is(call, "Track") && call.Arguments is [string id, string token] && tokens.GetValueOrDefault(id) == token;
                if (await InvokeAsync(connection, call))
                {
                    Assert.True(mayAnswer, $"{call} was answered");
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }

                Assert.Equal(HubConnectionState.Connected, connection.State);
            },
            iter: Cases,
            threads: 2,
            print: c => c.ToString());

        output.WriteLine($"/hubs/tracking: {answered + refused} calls, {answered} answered, {refused} refused with a HubException.");
        var (delivery, own) = tokens.First();
        Assert.Equal(delivery, (await connection.InvokeAsync<JsonElement>("Track", delivery, own)).GetProperty("deliveryId").GetString());
    }

    [Fact]
    public async Task Hostile_fleet_calls_get_a_hub_exception_and_the_connection_stays_healthy()
    {
        await using var connection = await ConnectAsync("/hubs/fleet", DroneDeliveryCluster.OperatorKey);
        var refused = 0;

        await HubCall.Generate(["Join", "Leave", "SendAsync"], [.. _world.Drones], [.. _world.TrackingTokens.Values]).SampleAsync(
            async call =>
            {
                Assert.False(await InvokeAsync(connection, call), $"{call} was answered; the fleet hub takes no calls");
                Interlocked.Increment(ref refused);
                Assert.Equal(HubConnectionState.Connected, connection.State);
            },
            iter: Cases,
            threads: 2,
            print: c => c.ToString());

        output.WriteLine($"/hubs/fleet: {refused} calls, all refused with a HubException.");
    }

    [Fact]
    public async Task A_message_past_the_hub_limit_closes_only_its_own_connection()
    {
        await using var greedy = await ConnectAsync("/hubs/tracking");
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        greedy.Closed += e => Task.FromResult(closed.TrySetResult(e));

        await Assert.ThrowsAnyAsync<Exception>(() => greedy.InvokeAsync<JsonElement>("Track", new string('x', 10_000), "token"));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await using var next = await ConnectAsync("/hubs/tracking");
        var (delivery, token) = _world.TrackingTokens.First();
        Assert.Equal(delivery, (await next.InvokeAsync<JsonElement>("Track", delivery, token)).GetProperty("deliveryId").GetString());
    }

    [Fact]
    public async Task A_tracking_token_opens_its_own_delivery_and_no_other()
    {
        await using var connection = await ConnectAsync("/hubs/tracking");
        foreach (var (delivery, _) in _world.TrackingTokens)
        {
            foreach (var (owner, token) in _world.TrackingTokens)
            {
                var answered = await InvokeAsync(connection, new HubCall("Track", [delivery, token]));
                Assert.True(answered == (owner == delivery), $"Track({delivery}) with the token of {owner}: answered {answered}");
            }
        }
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "tracking", HttpStatusCode.Unauthorized)]
    [InlineData("business", null, HttpStatusCode.Forbidden)]
    [InlineData("drone", null, HttpStatusCode.Forbidden)]
    public async Task The_fleet_hub_refuses_every_caller_but_operators(string? key, string? accessToken, HttpStatusCode expected)
    {
        var apiKey = key switch
        {
            "wrong" => CallerExpectations.MadeUpKey,
            "business" => _world.AttackerKey,
            "drone" => DroneDeliveryCluster.DroneKey,
            _ => null,
        };
        var token = accessToken is null ? null : _world.TrackingTokens.Values.First();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync("/hubs/fleet", apiKey, token));

        Assert.Equal(expected, refused.StatusCode);
    }

    private static bool Is(HubCall call, string method) => string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the hub answered, false for a <see cref="HubException"/>; anything else (a timeout, a dropped connection) fails.</summary>
    private static async Task<bool> InvokeAsync(HubConnection connection, HubCall call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await connection.InvokeCoreAsync(call.Method, typeof(JsonElement), call.Arguments, timeout.Token);
            return true;
        }
        catch (HubException)
        {
            return false;
        }
    }

    private async Task<HubConnection> ConnectAsync(string path, string? apiKey = null, string? accessToken = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_cluster.GatewayAddress, path), o =>
            {
                if (apiKey is not null)
                {
                    o.Headers["X-Api-Key"] = apiKey;
                }

                if (accessToken is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }
}
