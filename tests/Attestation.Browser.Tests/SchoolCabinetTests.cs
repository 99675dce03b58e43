using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>The school coordinator's «Педагоги организации» and «Перспективный план» on the demo data, in a real browser.</summary>
public sealed class SchoolCabinetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_school_coordinator_finds_his_teachers_and_their_plan()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.SchoolLogin, DemoOptions.DefaultPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Педагоги организации" }).ClickAsync();
        Assert.True(await page.Locator("#teachers tbody tr").CountAsync() >= 7);
        await Screenshot(page, "school-teachers.png");

        await page.Locator("#q").FillAsync("елкина");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        Assert.Equal(1, await page.Locator("#teachers tbody tr").CountAsync());
        Assert.Contains("Ёлкина", await page.Locator("#teachers").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Перспективный план" }).ClickAsync();
        Assert.True(await page.Locator("table.plan-month tbody tr").CountAsync() >= 1);
        await Screenshot(page, "school-plan.png");
        await page.Context.CloseAsync();
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });
}
