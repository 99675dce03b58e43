using System.Text.RegularExpressions;
using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>
/// The portal for a person without a mouse and for a browser without JavaScript: the keyboard reaches the content by
/// «Перейти к содержанию» and completes a form, a failed form puts the focus on its first error, and the main forms
/// (sign-in, registration, a teacher's application, a search) work with scripts switched off.
/// </summary>
public sealed class KeyboardAndNoScriptTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_signs_in_with_the_keyboard_only_and_a_failed_form_puts_the_focus_on_its_first_error()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        // The first Tab stop is the skip link; Enter moves the focus to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Перейти к содержанию", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("content", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // «Войти» of the menu, by the keyboard.
        await page.GotoAsync("/");
        await TabToAsync(page, "Войти", "A");
        await page.Keyboard.PressAsync("Enter");
        // The address is polled, not a navigation event awaited: the event may come before the wait begins.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login(\\?|$)"), Navigation);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        // Sent empty: the page comes back with the focus on the first field that has a message, the message read with it.
        await TabToAsync(page, "Войти", "BUTTON");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        // The response arrives before the returned page replaces the sent one: wait for the returned page's messages.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && document.querySelector('.input-validation-error') !== null");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 300)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.name === 'Input.Login'"), $"{page.Url}: {focused}");
        var describedBy = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-describedby') || ''");
        Assert.False(string.IsNullOrEmpty(describedBy), "The focused field names its message.");
        Assert.NotEmpty((await page.Locator($"[id='{describedBy.Split(' ')[^1]}']").InnerTextAsync()).Trim());

        await page.Keyboard.TypeAsync("demo.teacher");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoOptions.DefaultPassword);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Teacher$"), Navigation);

        // The focus is seen: the focused menu link has a visible outline.
        await page.GotoAsync("/Teacher");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        await ShotAsync(page, "keyboard-focus-visible");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A list whose choice shows more (here the municipality, which brings its organisations): the arrow keys change a
    /// closed list at every press, so they must not send the page (WCAG 3.2.2); Enter does.
    /// </summary>
    [Fact]
    public async Task The_arrow_keys_step_through_a_list_that_shows_more_and_only_Enter_sends_the_choice()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Фамилия").FillAsync("Кузнецова");
        await page.EvaluateAsync("() => window.notSent = true");
        var municipality = page.GetByLabel("Муниципальное образование");
        await municipality.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var chosen = await municipality.EvaluateAsync<string>("list => list.selectedOptions[0].text.trim()");
        Assert.NotEqual("— выберите —", chosen);
        // Had a press sent the form, the network would have brought the page back: this page would be gone.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notSent === true"));

        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.IsNavigationRequest);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && window.notSent !== true");
        Assert.Equal(chosen, await municipality.EvaluateAsync<string>("list => list.selectedOptions[0].text.trim()"));
        Assert.Equal("Кузнецова", await page.GetByLabel("Фамилия").InputValueAsync());
        Assert.True(await page.GetByLabel("Образовательная организация (место работы)").Locator("option").CountAsync() > 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_a_person_registers_saves_an_application_and_searches()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            Locale = "ru-RU",
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();

        // Registration: the organisations of the chosen municipality come with «Показать организации муниципалитета».
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Фамилия").FillAsync("Кузнецова");
        await page.GetByLabel("Имя", new() { Exact = true }).FillAsync("Анна");
        await page.GetByLabel("Отчество (при наличии)").FillAsync("Петровна");
        await page.GetByLabel("Электронная почта").FillAsync("a.kuznetsova@example.org");
        await page.GetByLabel("Телефон").FillAsync("+7 913 555-22-11");
        await page.GetByLabel("Муниципальное образование").SelectOptionAsync(new SelectOptionValue { Label = "г. Томск" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать организации муниципалитета" }).ClickAsync();
        Assert.Equal("Кузнецова", await page.GetByLabel("Фамилия").InputValueAsync());
        await page.GetByLabel("Образовательная организация (место работы)").SelectOptionAsync(new SelectOptionValue { Label = "МАОУ лицей № 7 г. Томска" });
        await page.GetByLabel("Должность").SelectOptionAsync(new SelectOptionValue { Label = "учитель" });
        await page.GetByLabel("Предмет (направление)").SelectOptionAsync(new SelectOptionValue { Label = "информатики и ИКТ" });
        await page.GetByLabel("Логин").FillAsync("a.kuznetsova");
        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync("Длинный-пароль-2026");
        await page.GetByLabel("Повторите пароль").FillAsync("Длинный-пароль-2026");
        await page.GetByLabel("Даю согласие на обработку моих персональных данных").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
        Assert.EndsWith("/Teacher", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // The teacher's application saved as a draft.
        var form = new ApplicationEditPage(page);
        await form.OpenNewAsync();
        await form.FillAsync("первая", "Призёры муниципального этапа олимпиады по информатике.");
        await form.SaveDraftAsync();
        Assert.Contains("Черновик заявления сохранён", await form.StatusMessage.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();

        // Sign-in and a search of a list.
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("demo.operator", DemoOptions.DefaultPassword);
        Assert.EndsWith("/Operator", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GotoAsync("/Operator/Users");
        await page.Locator("#q").FillAsync("demo.school");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain("RequestVerificationToken", page.Url, StringComparison.Ordinal);
        Assert.Contains("demo.school", await page.Locator("main table tbody").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "no-javascript-search");
        await context.CloseAsync();
    }

    private static async Task<string> FocusedTextAsync(IPage page) =>
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim();

    /// <summary>A page sent by the keyboard may take as long as any navigation on a busy machine.</summary>
    private static readonly PageAssertionsToHaveURLOptions Navigation = new() { Timeout = 30_000 };

    private static async Task TabToAsync(IPage page, string text, string tag)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement.tagName, document.activeElement.textContent.trim()]");
            if (focused[0] == tag && focused[1] == text)
                return;
        }
        throw new InvalidOperationException($"The keyboard does not reach «{text}».");
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
}
