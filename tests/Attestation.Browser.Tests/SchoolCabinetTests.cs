using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data.Demo;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>The school coordinator's cabinet on the demo data, in a real browser: teachers, a draft on a teacher's behalf, plan, cyclogram, invitations.</summary>
public sealed class SchoolCabinetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_school_coordinator_finds_his_teachers_and_their_plan()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.SchoolLogin, DemoOptions.DefaultPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Педагоги", Exact = true }).ClickAsync();
        Assert.True(await page.Locator("#teachers tbody tr").CountAsync() >= 7);
        await Screenshot(page, "school-teachers.png");

        await page.Locator("#q").FillAsync("елкина");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        Assert.Equal(1, await page.Locator("#teachers tbody tr").CountAsync());
        Assert.Contains("Ёлкина", await page.Locator("#teachers").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Заполнить и подать заявление", await page.Locator("#teachers .next-step").InnerTextAsync(), StringComparison.Ordinal);

        // Her draft, on her behalf: a document attached, the history names the coordinator.
        await page.Locator("#teachers .application a").ClickAsync();
        await page.Locator("#upload input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "описание результатов.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к заявлению педагога" }).ClickAsync();
        Assert.Contains("Координатор по аттестации в ОО", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(page, "school-on-behalf.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Перспективный план" }).ClickAsync();
        Assert.True(await page.Locator("table.plan-month tbody tr").CountAsync() >= 1);
        await Screenshot(page, "school-plan.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Циклограмма" }).First.ClickAsync();
        Assert.True(await page.Locator("#duties .ticked").CountAsync() >= 2);
        await page.Locator("tr[data-duty='briefing'] form.tick button").ClickAsync();
        Assert.Equal(1, await page.Locator("tr[data-duty='briefing'] .ticked").CountAsync());
        await Screenshot(page, "school-checklist.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Приглашения", Exact = true }).ClickAsync();
        Assert.Contains("novikova.newcomer@example.ru", await page.Locator("#invitations").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(page, "school-invitations.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Загрузить список из Excel" }).ClickAsync();
        await Screenshot(page, "school-invitations-import.png");
        await page.Context.CloseAsync();
    }

    private static Task<byte[]> Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });
}
