using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

public sealed class SmokeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("demo.teacher", "/Teacher", "Личный кабинет педагогического работника")]
    [InlineData("demo.school", "/School", "Личный кабинет координатора по аттестации в ОО")]
    [InlineData("demo.municipal", "/Municipality", "Личный кабинет муниципального координатора по аттестации")]
    [InlineData("demo.expert", "/Expert", "Личный кабинет специалиста по аттестации")]
    [InlineData("demo.operator", "/Operator", "Личный кабинет оператора")]
    public async Task Each_demo_account_signs_in_and_reaches_its_home_page(string login, string path, string heading)
    {
        var page = await fixture.NewPageAsync();
        var loginPage = new LoginPage(page);
        await loginPage.OpenAsync();
        await loginPage.SignInAsync(login, DemoOptions.DefaultPassword);

        Assert.EndsWith(path, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).IsVisibleAsync());
        // On a 1366 px screen (the most common one) and a 1280 px one every item of both menus stands on one row.
        foreach (var width in new[] { 1366, 1280 })
        {
            await page.SetViewportSizeAsync(width, 768);
            var tops = await MenuItemTopsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"menu-{login}-{width}.png") });
            Assert.True(tops.Distinct().Count() == 1, $"{width} px: the menu's items stand at {string.Join(", ", tops)}; "
                + await page.Locator("header nav").EvaluateAsync<string>("nav => [...nav.querySelectorAll('.navbar-nav > li')].map(i => i.innerText.trim() + ' ' + Math.round(i.getBoundingClientRect().width)).join(' | ')"));
        }

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"home-{login}.png"),
            FullPage = true,
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_operators_menu_is_one_row_on_a_1366_pixel_screen_and_the_rest_opens_under_Ещё()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        var loginPage = new LoginPage(page);
        await loginPage.OpenAsync();
        await loginPage.SignInAsync(DemoSeeder.OperatorLogin, DemoOptions.DefaultPassword);

        // Every item of both menus (the sections; help, the bell, the name, «Выйти») on one line.
        var tops = await MenuItemTopsAsync(page);
        var height = await page.Locator("header nav").EvaluateAsync<double>("nav => nav.getBoundingClientRect().height");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "menu-operator-1366.png") });
        Assert.Single(tops.Distinct());
        Assert.True(height < 70, $"The menu is {height} px high.");

        await page.Locator("header nav .nav-more summary").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "menu-operator-1366-more.png") });
        await page.Locator("header nav .nav-more-menu").GetByRole(AriaRole.Link, new() { Name = "Справочники" }).ClickAsync();
        Assert.EndsWith("/Operator/Directories", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static Task<double[]> MenuItemTopsAsync(IPage page) =>
        page.Locator("header nav .navbar-nav > li").EvaluateAllAsync<double[]>(
            "items => items.map(i => Math.round(i.getBoundingClientRect().top))");
}
