using Attestation.Testing;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>The demo portal on a real Kestrel port, and Debian's Chromium driven by Playwright.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly Func<DateTimeOffset, DateTimeOffset>? _startAt;
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
    }

    /// <param name="startAt">
    /// Given the present, the moment the portal starts at (not earlier: the test clock only goes forward). The demo data
    /// is seeded then, so that a test whose story needs a particular day of the calendar tells it on any date it runs.
    /// </param>
    protected BrowserFixture(Func<DateTimeOffset, DateTimeOffset> startAt) => _startAt = startAt;

    public DemoPortal Portal { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("ARTIFACTS_DIR") ?? Path.Combine(Path.GetTempPath(), "attestation-artifacts"),
        "screenshots");

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        if (_startAt is not null)
            Portal.Clock.SetUtcNow(_startAt(Portal.Clock.GetUtcNow()));
        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseUrl = Portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
            // The browser stands in for a user's, whose desktop runs in a UTF-8 locale: under the machine's LANG=C
            // Chromium can neither name a download «График….pdf» (it calls it «download») nor upload «скан.pdf».
            Env = UserLocale(),
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "ru-RU",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    private static Dictionary<string, string> UserLocale()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        environment["LANG"] = "C.UTF-8";
        environment["LC_ALL"] = "C.UTF-8";
        return environment;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }
}

/// <summary>The portal as the start script runs it: demo data seeded at start-up.</summary>
public sealed class DemoPortal : PortalFactory
{
    protected override bool SeedDemoData => true;
}
