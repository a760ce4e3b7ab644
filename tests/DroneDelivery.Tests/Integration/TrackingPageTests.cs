using System.Collections.Concurrent;
using DroneDelivery.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DroneDelivery.Tests.Integration;

/// <summary>The customer's tracking page in a real headless Chromium, against the real gateway and cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TrackingPageTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task The_tracking_link_shows_the_drone_moving_a_changing_ETA_and_the_stages_up_to_Delivered_with_nothing_from_the_internet()
    {
        var area = TestArea.Next();
        var droneId = $"page-{Guid.NewGuid():N}";
        using var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var pilot = new DronePilot(_cluster.CreateOperatorClient(), droneId);
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var (pickup, dropoff) = (area.At(2, 0), area.At(4, 0));
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(pickup, dropoff));
        var link = new Uri(accepted["trackingUrl"]!.GetValue<string>());
        Assert.Equal(_cluster.GatewayAddress.Authority, link.Authority);

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var requested = new ConcurrentBag<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(link.ToString());

        await ExpectStageAsync(page, "Scheduled");
        await pilot.ReportAsync(area.At(0.5, 0), speedMps: 15);
        await ExpectStageAsync(page, "HeadedToPickup");
        var marker = page.Locator(".drone-marker");
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        var before = await StyleAsync(marker);
        var etaBefore = await page.Locator("#delivery-eta").InnerTextAsync();
        Assert.Matches(@"\d", etaBefore);
        Assert.Matches(@"in (\d+ min )?\d+ s", await page.Locator("#countdown").InnerTextAsync());

        // Further on, but crawling: the drone moves on the map and the promised time slips by many minutes.
        await pilot.ReportAsync(area.At(1, 0), speedMps: 1.5);
        await Eventually.Until(async () => await StyleAsync(marker) != before, Patience, "the drone marker to move");
        await Eventually.Until(async () => await page.Locator("#delivery-eta").InnerTextAsync() != etaBefore, Patience, "the ETA to change");

        await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
        await ExpectStageAsync(page, "HeadedToDropoff");
        await pilot.ReportAsync(dropoff);
        await ExpectStageAsync(page, "Delivered");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("delivered");
        await Assertions.Expect(page.Locator("#timeline li.done")).ToHaveCountAsync(5);
        await HeadlessBrowser.ScreenshotAsync(page, "tracking-page-delivered-desktop");

        Assert.All(requested, url => Assert.StartsWith(_cluster.GatewayAddress.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));

        // On a phone the map takes the top of the screen and the panel sits below it.
        var phone = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        await phone.GotoAsync(link.ToString());
        await ExpectStageAsync(phone, "Delivered");
        var map = (await phone.Locator("#map").BoundingBoxAsync())!;
        var panel = (await phone.Locator(".panel").BoundingBoxAsync())!;
        Assert.Equal(390, map.Width, 1.0);
        Assert.True(panel.Y >= map.Y + map.Height - 1, "On a phone the panel must sit below the map.");
        await HeadlessBrowser.ScreenshotAsync(phone, "tracking-page-delivered-phone");
    }

    [Fact]
    public async Task A_link_with_a_wrong_token_says_so_and_shows_no_delivery()
    {
        using var business = await Api.NewBusinessClientAsync(_cluster);
        var area = TestArea.Next();
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        var id = accepted["deliveryId"]!.GetValue<string>();

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_cluster.GatewayAddress, $"/track/{id}?t=not-the-token").ToString());

        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("not valid", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator(".pin")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#connection")).ToBeHiddenAsync();
        await HeadlessBrowser.ScreenshotAsync(page, "tracking-page-wrong-token");
    }

    private static Task ExpectStageAsync(IPage page, string stage) =>
        Assertions.Expect(page.Locator("#stage")).ToHaveAttributeAsync("data-stage", stage, new() { Timeout = (float)Patience.TotalMilliseconds });

    private static Task<string> StyleAsync(ILocator locator) => locator.EvaluateAsync<string>("e => e.style.transform");
}
