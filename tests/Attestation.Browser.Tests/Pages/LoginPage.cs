using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Войти».</summary>
public sealed class LoginPage(IPage page, Person? person = null)
{
    private readonly Person _person = person ?? Person.Mouse;

    public async Task OpenAsync() => await page.GotoAsync("/Account/Login");

    public async Task SignInAsync(string login, string password)
    {
        await _person.FillAsync(page.GetByLabel("Логин или адрес электронной почты"), login);
        await _person.FillAsync(page.GetByLabel("Пароль"), password);
        await _person.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Войти" }));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
