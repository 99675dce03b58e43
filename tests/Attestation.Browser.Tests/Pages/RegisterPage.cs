using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Регистрация педагогического работника».</summary>
public sealed class RegisterPage(IPage page, Person? person = null)
{
    private readonly Person _person = person ?? Person.Mouse;

    public async Task OpenAsync() => await page.GotoAsync("/Account/Register");

    public async Task RegisterAsync(string lastName, string firstName, string middleName, string login, string email,
        string municipality, string organisation, string position, string subject, string password)
    {
        await _person.FillAsync(page.GetByLabel("Фамилия"), lastName);
        await _person.FillAsync(page.GetByLabel("Имя", new() { Exact = true }), firstName);
        await _person.FillAsync(page.GetByLabel("Отчество (при наличии)"), middleName);
        await _person.FillAsync(page.GetByLabel("Электронная почта"), email);
        await _person.FillAsync(page.GetByLabel("Телефон"), "+7 913 555-12-34");
        // Choosing the municipality shows its organisations (the page comes back with what was typed).
        await _person.SelectAndShowAsync(page.GetByLabel("Муниципальное образование"), municipality);
        var organisations = page.GetByLabel("Образовательная организация (место работы)");
        await organisations.Locator("option", new() { HasText = organisation }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await _person.SelectAsync(organisations, organisation);
        await _person.SelectAsync(page.GetByLabel("Должность"), position);
        await _person.SelectAsync(page.GetByLabel("Предмет (направление)"), subject);
        await _person.FillAsync(page.GetByLabel("Логин"), login);
        await _person.FillAsync(page.GetByLabel("Пароль", new() { Exact = true }), password);
        await _person.FillAsync(page.GetByLabel("Повторите пароль"), password);
        await _person.CheckAsync(page.GetByLabel("Даю согласие на обработку моих персональных данных"));
        await _person.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
