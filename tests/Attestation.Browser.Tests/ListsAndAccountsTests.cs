using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>
/// The everyday tools of the lists in a real browser on the demo region: the registration journal's «Зарегистрировать
/// выбранные» with its confirmation, the search by name, an account's page with its history and the move form, and the
/// operator's «Журнал безопасности».
/// </summary>
public sealed class ListsAndAccountsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_registers_chosen_applications_after_a_confirmation_and_the_operator_opens_an_account()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("demo.municipal", DemoOptions.DefaultPassword);

        await page.GotoAsync("/Municipality/Registration");
        var boxes = page.Locator("#journal input[type=checkbox]");
        Assert.True(await boxes.CountAsync() > 0, "The demo municipality has applications waiting for registration without warnings.");
        var chosenId = await boxes.First.GetAttributeAsync("value");
        await boxes.First.CheckAsync();
        await page.Locator("#choose").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        Assert.Equal(chosenId, await page.Locator("#confirm-list li").First.GetAttributeAsync("data-id"));
        await Screenshot(page, "registration-chosen-confirm.png");
        await page.Locator("#register-chosen").ClickAsync();
        Assert.StartsWith("Зарегистрировано заявлений: 1", (await page.Locator("[role=status]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"#journal tr[data-id='{chosenId}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        page = await fixture.NewPageAsync();
        login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("demo.operator", DemoOptions.DefaultPassword);
        await page.GotoAsync("/Operator/Users");
        await page.Locator("#q").FillAsync("demo.school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Assertions.Expect(page.Locator("#users tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#users tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#move")).ToBeVisibleAsync();
        Assert.Equal("demo.school", (await page.Locator("#account dd").First.InnerTextAsync()).Trim());
        await Screenshot(page, "operator-account.png");

        // «Журнал безопасности» from the operator's home: his own sign-in is there, with the address.
        await page.GotoAsync("/Operator");
        await page.GetByRole(AriaRole.Link, new() { Name = "Журнал безопасности" }).ClickAsync();
        await page.Locator("#q").FillAsync("demo.operator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        var signIn = page.Locator("#audit tbody tr[data-action='SignIn']").First;
        await Assertions.Expect(signIn.Locator(".who")).ToContainTextAsync("demo.operator");
        Assert.NotEqual("—", (await signIn.Locator(".address").InnerTextAsync()).Trim());
        await Screenshot(page, "operator-audit.png");
        await page.Context.CloseAsync();
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });
}
