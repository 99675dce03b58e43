using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>A specialist's own cabinet in a real browser: the contacts edited, the password changed, the help read.</summary>
public sealed class OwnAccountFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_expert_edits_the_phone_and_changes_the_password_from_the_cabinet()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("demo.expert", DemoOptions.DefaultPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Личный кабинет" }).ClickAsync();
        await page.Locator("#Input_Phone").FillAsync("+7 913 765-43-21");
        await page.Locator("#save").ClickAsync();
        Assert.Equal("Личные сведения сохранены.", (await page.Locator("[role=status]").InnerTextAsync()).Trim());
        Assert.Equal("+7 913 765-43-21", await page.Locator("#Input_Phone").InputValueAsync());
        await Shot(page, "account-profile");

        await page.GetByRole(AriaRole.Link, new() { Name = "Сменить пароль" }).ClickAsync();
        await page.Locator("#Input_CurrentPassword").FillAsync(DemoOptions.DefaultPassword);
        await page.Locator("#Input_Password").FillAsync("короткий");
        await page.Locator("#Input_ConfirmPassword").FillAsync("короткий");
        await page.Locator("#save").ClickAsync();
        Assert.Contains("не менее 12 символов", await page.Locator("[data-valmsg-for='Input.Password']").InnerTextAsync(),
            StringComparison.Ordinal);
        await Shot(page, "account-password-refused");

        await page.Locator("#Input_CurrentPassword").FillAsync(DemoOptions.DefaultPassword);
        await page.Locator("#Input_Password").FillAsync("Длинная новая фраза");
        await page.Locator("#Input_ConfirmPassword").FillAsync("Длинная новая фраза");
        await page.Locator("#save").ClickAsync();
        Assert.Equal("Пароль изменён. Используйте новый пароль при следующем входе.",
            (await page.Locator("[role=status]").InnerTextAsync()).Trim());
        await Shot(page, "account-password-changed");

        await page.Locator("#help-link").ClickAsync();
        Assert.Equal("Специалисту по аттестации", (await page.Locator("#help h2").InnerTextAsync()).Trim());
        await Shot(page, "help-expert");
        await page.GetByRole(AriaRole.Link, new() { Name = "Координатор по аттестации по муниципальному образованию" }).ClickAsync();
        Assert.Equal(3, await page.Locator("#month-deadlines li").CountAsync());
        await Shot(page, "help-municipality");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_operator_finds_an_account_and_sees_its_state()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("demo.operator", DemoOptions.DefaultPassword);

        // «Пользователи» is under «Ещё» of the operator's menu.
        await page.Locator("header nav .nav-more summary").ClickAsync();
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Пользователи" }).ClickAsync();
        await page.Locator("#q").FillAsync("demo.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        Assert.Equal(5, await page.Locator("#users tbody tr").CountAsync());
        Assert.Equal(5, await page.Locator("#users td.state", new() { HasTextString = "Активна" }).CountAsync());
        await Shot(page, "operator-users");
        await page.Context.CloseAsync();
    }

    private static async Task Shot(IPage page, string name) => await page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
        FullPage = true,
    });
}
