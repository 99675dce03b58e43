using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>The operator's «Мониторинг» on the demo data, in a real browser: the charts drawn by Chart.js beside their tables.</summary>
public sealed class MonitoringTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_operator_sees_the_regions_charts_and_their_tables()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.OperatorLogin, DemoOptions.DefaultPassword);

        // «Мониторинг» is under «Ещё» of the operator's menu.
        await page.Locator("header nav .nav-more summary").ClickAsync();
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Мониторинг", Exact = true }).ClickAsync();
        await page.Locator("#table-months canvas").WaitForAsync();
        // Chart.js has drawn: the canvas has its size and the chart instance its data. Waited for, not read once: the
        // canvases are in the page's HTML before Chart.js has loaded (the script comes last), and a read at that moment
        // found no «Chart» at all. A chart never drawn fails the wait.
        await page.WaitForFunctionAsync(
            "() => typeof Chart !== 'undefined' && [...document.querySelectorAll('canvas[data-chart]')].every(c => Chart.getChart(c) !== undefined && c.width > 0)");
        Assert.True(await page.Locator("#table-months tbody tr").CountAsync() >= 1);
        Assert.True(await page.Locator("canvas[data-chart]").CountAsync() >= 8);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "operator-monitoring.png"),
            FullPage = true,
        });
        // The first screen as the operator sees it on opening the page.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "operator-monitoring-top.png") });
        await page.Locator("#table-durations").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "operator-monitoring-durations.png") });
        await page.Context.CloseAsync();
    }
}
