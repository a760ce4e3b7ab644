using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace DroneDelivery.Tests.Integration;

/// <summary>The operators' live fleet map: the fleet hub over a real SignalR client, and the page in headless Chromium.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetLiveMapTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task An_operator_ticket_opens_the_fleet_hub_which_sends_every_drone_then_what_moves_changes_or_leaves()
    {
        var area = TestArea.Next();
        var (first, second) = ($"live-{Guid.NewGuid():N}", $"live-{Guid.NewGuid():N}");
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, first, area.At(0, 0));
        await Api.RegisterDroneAsync(ops, second, area.At(0, 1));

        var received = new List<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_cluster.GatewayAddress, "/hubs/fleet"), o => o.AccessTokenProvider = () => TicketAsync(ops)!)
            .Build();
        connection.On<JsonElement>("drones", m =>
        {
            lock (received)
            {
                received.Add(m.Clone());
            }
        });
        await connection.StartAsync();

        var start = await LatestAsync(received, first, d => d.GetProperty("lat").GetDouble() == area.At(0, 0).Lat, "the first drone at home");
        Assert.Equal("Available", start.GetProperty("status").GetString());
        await LatestAsync(received, second, d => d.GetProperty("lon").GetDouble() == area.At(0, 1).Lon, "the second drone at home");
        Assert.True(Messages(received)[0].GetProperty("full").GetBoolean(), "The first message must be the whole fleet.");

        var pilot = new DronePilot(ops, first);
        var moved = area.At(0.7, 0.2);
        await pilot.ReportAsync(moved, speedMps: 0);
        await LatestAsync(received, first, d => d.GetProperty("lat").GetDouble() == moved.Lat && d.GetProperty("lon").GetDouble() == moved.Lon, "the first drone's new position");

        await ops.PostAsync(new Uri($"/api/drones/{second}/maintenance", UriKind.Relative), null);
        await LatestAsync(received, second, d => d.GetProperty("status").GetString() == "Maintenance", "the second drone in maintenance");

        Assert.Equal(HttpStatusCode.NoContent, (await ops.DeleteAsync(new Uri($"/api/drones/{second}", UriKind.Relative))).StatusCode);
        await Eventually.Until(
            () => Task.FromResult(Messages(received).Any(m => m.GetProperty("removed").EnumerateArray().Any(r => r.GetString() == second))),
            Patience,
            "the retired drone to leave the map");
    }

    [Fact]
    public async Task The_fleet_hub_and_its_tickets_are_for_operators_only_and_a_ticket_opens_nothing_else()
    {
        using var business = await Api.NewBusinessClientAsync(_cluster);
        using var drone = _cluster.CreateClient(DroneDeliveryCluster.DroneKey);
        using var ops = _cluster.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostAsync(new Uri("/api/fleet/live-tickets", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drone.PostAsync(new Uri("/api/fleet/live-tickets", UriKind.Relative), null)).StatusCode);

        foreach (var token in new[] { null, "4102444800.forged-signature", "not a ticket" })
        {
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(_cluster.GatewayAddress, "/hubs/fleet"), o => o.AccessTokenProvider = () => Task.FromResult(token))
                .Build();
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var ticket = await TicketAsync(ops);
        using var withTicket = _cluster.CreateClient();
        withTicket.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ticket);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withTicket.GetAsync(new Uri("/api/fleet/summary", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withTicket.GetAsync(new Uri($"/api/drones?access_token={ticket}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_fleet_page_asks_for_the_operator_key_then_shows_the_fleet_and_finds_a_drone_as_it_moves()
    {
        var area = TestArea.Next();
        var droneId = $"page-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(new Uri(_cluster.GatewayAddress, "/ops").ToString());

        await page.FillAsync("#operator-key", "not-an-operator-key-at-all");
        await page.ClickAsync("#sign-in button");
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("not an operator key", new() { Timeout = (float)Patience.TotalMilliseconds });

        await page.FillAsync("#operator-key", DroneDeliveryCluster.OperatorKey);
        await page.ClickAsync("#sign-in button");
        await Assertions.Expect(page.Locator("#sign-in")).ToBeHiddenAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.FillAsync("#find", droneId);
        await Assertions.Expect(page.Locator("#found")).ToContainTextAsync($"{droneId}: Available", new() { Timeout = (float)Patience.TotalMilliseconds });
        var available = int.Parse(await page.Locator("#legend li[data-status=Available] .count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(available >= 1);
        Assert.True(int.Parse(await page.Locator("#drone-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= available);

        var moved = area.At(1, 0);
        await new DronePilot(ops, droneId).ReportAsync(moved, speedMps: 0);
        await Assertions.Expect(page.Locator("#found")).ToContainTextAsync(moved.Lat.ToString("F5", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#deliveries dd[data-stage=AwaitingDrone]")).ToHaveCountAsync(1);
        await HeadlessBrowser.ScreenshotAsync(page, "fleet-page");
    }

    private static async Task<string> TicketAsync(HttpClient ops)
    {
        var response = await ops.PostAsync(new Uri("/api/fleet/live-tickets", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
    }

    private static List<JsonElement> Messages(List<JsonElement> received)
    {
        lock (received)
        {
            return [.. received];
        }
    }

    /// <summary>Waits until the newest report of <paramref name="droneId"/> satisfies <paramref name="accept"/>.</summary>
    private static Task<JsonElement> LatestAsync(List<JsonElement> received, string droneId, Func<JsonElement, bool> accept, string what) =>
        Eventually.Until(
            () => Task.FromResult(Messages(received)
                .SelectMany(m => m.GetProperty("drones").EnumerateArray())
                .LastOrDefault(d => d.GetProperty("id").GetString() == droneId)),
            d => d.ValueKind == JsonValueKind.Object && accept(d),
            Patience,
            what);
}
