using Microsoft.Playwright;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. The browser is the machine's own (the test
/// command installs it), never one Playwright downloads. Screenshots go to <see cref="ArtifactsDirectory"/>.
/// </summary>
internal sealed class HeadlessBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary><c>TEST_ARTIFACTS_DIR</c> when set (the test command sets it), else next to the tests.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("TEST_ARTIFACTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static async Task<HeadlessBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_BIN") is { Length: > 0 } bin ? bin : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. deploy/local/run-tests.sh installs Debian's chromium; or set CHROMIUM_BIN.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,

            // No sandbox as root (CI); no background traffic to hosts a closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new HeadlessBrowser(playwright, browser);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
