using Attestation.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

public sealed class TeacherFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_teacher_registers_fills_and_submits_an_application_and_sees_it_in_my_applications()
    {
        var page = await fixture.NewPageAsync();
        var register = new RegisterPage(page);
        await register.OpenAsync();
        await register.RegisterAsync("Смирнова", "Татьяна", "Игоревна", "t.smirnova", "t.smirnova@example.org",
            "г. Томск", "МАОУ лицей № 7 г. Томска", "учитель", "информатики и ИКТ", "Длинный-пароль-2026");
        await ShotAsync(page, "teacher-1-registered");
        Assert.EndsWith("/Teacher", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        var form = new ApplicationEditPage(page);
        await form.OpenNewAsync();
        await form.FillAsync("высшая", "Победители и призёры регионального этапа олимпиады по информатике.");
        await form.SaveDraftAsync();
        Assert.Contains("Черновик заявления сохранён", await form.StatusMessage.InnerTextAsync(), StringComparison.Ordinal);
        // «высшая» without a held «первая» or «высшая»: the rule warns, naming itself.
        Assert.True(await page.Locator("#warnings").IsVisibleAsync());
        await ShotAsync(page, "teacher-2-draft-with-warning");

        var scan = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(scan, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await form.AttachAsync("Подписанное заявление (скан)", scan);
        Assert.Contains("прикреплён", await form.StatusMessage.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(scan), await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);

        await form.SubmitAsync();
        Assert.Contains("Заявление подано", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Подано", (await page.Locator("#status").InnerTextAsync()).Trim());
        await ShotAsync(page, "teacher-3-submitted");

        await page.GetByRole(AriaRole.Link, new() { Name = "Мои заявления" }).First.ClickAsync();
        var row = page.Locator("table tbody tr").First;
        Assert.Contains("высшая", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Подано", await row.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "teacher-4-my-applications");
        await page.Context.CloseAsync();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
}
