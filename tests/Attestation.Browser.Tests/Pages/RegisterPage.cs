using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Регистрация педагогического работника».</summary>
public sealed class RegisterPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Account/Register");

    public async Task RegisterAsync(string lastName, string firstName, string middleName, string login, string email,
        string municipality, string organisation, string position, string subject, string password)
    {
        await page.GetByLabel("Фамилия").FillAsync(lastName);
        await page.GetByLabel("Имя", new() { Exact = true }).FillAsync(firstName);
        await page.GetByLabel("Отчество (при наличии)").FillAsync(middleName);
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Телефон").FillAsync("+7 913 555-12-34");
        // Choosing the municipality reloads the organisations (the script clicks «Показать организации муниципалитета»).
        await page.GetByLabel("Муниципальное образование").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        var organisations = page.GetByLabel("Образовательная организация (место работы)");
        await organisations.Locator("option", new() { HasText = organisation }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await organisations.SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await page.GetByLabel("Должность").SelectOptionAsync(new SelectOptionValue { Label = position });
        await page.GetByLabel("Предмет (направление)").SelectOptionAsync(new SelectOptionValue { Label = subject });
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Повторите пароль").FillAsync(password);
        await page.GetByLabel("Даю согласие на обработку моих персональных данных").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
