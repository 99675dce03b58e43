using System.Text.RegularExpressions;
using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>The demo municipal coordinator goes through his cabinet: home, registration, an application, the other lists.</summary>
public sealed class MunicipalCabinetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_coordinator_sees_applications_to_register_registers_one_and_walks_his_cabinet()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.MunicipalLogin, DemoOptions.DefaultPassword);
        await ShotAsync(page, "1-home");
        // The demo seeds submitted applications in Tomsk, some near or past the 30-day limit.
        Assert.NotEqual("0", (await page.Locator("#count-waiting .display-6").InnerTextAsync()).Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "Работа с заявлениями" }).First.ClickAsync();
        await ShotAsync(page, "2-work");

        await page.GotoAsync("/Municipality/Registration");
        var rows = page.Locator("#journal tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        await ShotAsync(page, "3-registration");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Просмотреть заявление" }).ClickAsync();
        Assert.Equal("Заявление о проведении аттестации", (await page.Locator("h1").InnerTextAsync()).Trim());
        await ShotAsync(page, "4-application");

        // With the warnings in view when the rules give any: «Зарегистрировать, несмотря на предупреждения».
        await new ApplicationRegistrationPage(page).RegisterAsync();
        Assert.Contains("заявление зарегистрировано, №", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "5-registered");

        foreach (var (path, name) in new[]
        {
            ("/Municipality/Withdrawals", "6-withdrawals"),
            ("/Municipality/NotApplied", "7-not-applied"),
            ("/Municipality/Invitations", "8-invitations"),
            ("/Municipality/Invitations/Create", "9-invitation-form"),
            ("/Municipality/Profile", "10-profile"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await ShotAsync(page, name);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_expert_invited_by_the_demo_coordinator_registers_through_the_link_in_the_letter()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.MunicipalLogin, DemoOptions.DefaultPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Приглашение" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Сформировать приглашение" }).ClickAsync();
        await page.GetByLabel("Почта получателя").FillAsync("browser.expert@example.org");
        var mails = (await fixture.Portal.SentMailsAsync()).Count;
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить приглашение" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("Приглашение отправлено", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        var mail = Assert.Single((await fixture.Portal.SentMailsAsync()).Skip(mails));
        var link = new Uri(Regex.Match(mail.PlainText, @"https?://\S+").Value);
        var invitee = await fixture.NewPageAsync();
        await invitee.GotoAsync(link.PathAndQuery);
        Assert.Equal("Регистрация по приглашению", (await invitee.Locator("h1").InnerTextAsync()).Trim());
        await invitee.GetByLabel("Фамилия").FillAsync("Зайцева");
        await invitee.GetByLabel("Имя", new() { Exact = true }).FillAsync("Марина");
        await invitee.GetByLabel("Отчество (при наличии)").FillAsync("Олеговна");
        await invitee.GetByLabel("Телефон").FillAsync("+7 913 222-33-44");
        await invitee.GetByLabel("Образовательная организация (место работы)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await invitee.GetByLabel("Должность").SelectOptionAsync(new SelectOptionValue { Label = "учитель" });
        await invitee.GetByLabel("Логин").FillAsync("browser.expert");
        await invitee.GetByLabel("Пароль", new() { Exact = true }).FillAsync("Длинный-пароль-2026");
        await invitee.GetByLabel("Повторите пароль").FillAsync("Длинный-пароль-2026");
        await invitee.GetByLabel("Даю согласие на обработку моих персональных данных").CheckAsync();
        await ShotAsync(invitee, "11-invitation-registration");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
        await invitee.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.EndsWith("/Expert", new Uri(invitee.Url).AbsolutePath, StringComparison.Ordinal);
        await ShotAsync(invitee, "12-invited-expert-home");
        await invitee.GotoAsync(link.PathAndQuery);
        Assert.Equal("Приглашение уже использовано", (await invitee.Locator("h1").InnerTextAsync()).Trim());
        await ShotAsync(invitee, "13-invitation-used");
        await invitee.Context.CloseAsync();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"municipal-cabinet-{name}.png"),
            FullPage = true,
        });
}
