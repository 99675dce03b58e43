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

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"home-{login}.png"),
            FullPage = true,
        });
        await page.Context.CloseAsync();
    }
}
