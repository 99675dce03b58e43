using Attestation.Browser.Tests.Pages;
using Attestation.Web.Data;
using Attestation.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>The bell in the navigation and the list behind it, in a real browser: plain links and forms.</summary>
public sealed class NotificationBellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_bell_counts_the_unread_and_the_list_marks_them_read()
    {
        // The demo teacher: the class has a portal and a database of its own.
        await using (var db = fixture.Portal.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "demo.teacher");
            foreach (var (title, text) in new[]
            {
                ("Заявление о проведении аттестации зарегистрировано", "Ваше заявление зарегистрировано муниципальным координатором: № 12/2026."),
                ("Назначены период аттестации и специалисты по аттестации", "Ваше заявление включено в график: аттестация пройдёт в январе-феврале 2027."),
            })
            {
                db.Notifications.Add(new Notification
                {
                    UserId = user.Id,
                    Kind = LetterKind.Registered,
                    CreatedAt = fixture.Portal.Clock.GetUtcNow(),
                    Title = title,
                    Text = text,
                    Link = "/Teacher",
                });
            }
            await db.SaveChangesAsync();
        }
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("demo.teacher", DemoOptions.DefaultPassword);

        Assert.Equal("2", await page.Locator("#bell-count").InnerTextAsync());
        await page.Locator("#bell").ClickAsync();
        Assert.EndsWith("/Notifications", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#notifications li[data-read=false]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "notifications.png"),
            FullPage = true,
        });

        await page.Locator(".read-form button").First.ClickAsync();
        Assert.Equal("1", await page.Locator("#bell-count").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Отметить все прочитанными" }).ClickAsync();
        Assert.Equal(0, await page.Locator("#bell-count").CountAsync());
        Assert.Equal(2, await page.Locator("#notifications li[data-read=true]").CountAsync());
        await page.Context.CloseAsync();
    }
}
