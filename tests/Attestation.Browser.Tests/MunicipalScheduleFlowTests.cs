using System.Text;
using Attestation.Browser.Tests.Pages;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Attestation.Testing;
using Attestation.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Attestation.Browser.Tests;

public sealed class MunicipalScheduleFlowTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_coordinator_registers_an_application_schedules_it_with_two_experts_and_downloads_both_schedule_files()
    {
        var (applicationId, teacherName) = await SubmittedApplicationOfTomskAsync();
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.MunicipalLogin, DemoOptions.DefaultPassword);

        // «Зарегистрировать» on the application card (the registration pages are built alongside the schedule; a
        // portal without the card yet registers the application the way the card does, through the domain).
        var card = new ApplicationRegistrationPage(page);
        if (await card.OpenAsync(applicationId))
        {
            await ShotAsync(page, "municipal-1-application-card");
            await card.RegisterAsync();
            Assert.Contains("зарегистрировано", await card.StatusMessage.InnerTextAsync(), StringComparison.Ordinal);
            // The card goes on to the schedule.
            Assert.True(await page.Locator("#next-step-schedule").IsVisibleAsync());
            await ShotAsync(page, "municipal-2-registered");
        }
        else
        {
            output.WriteLine("/Municipality/Applications/Details is not there: the application is registered through the domain.");
            await RegisterThroughDomainAsync(applicationId);
        }

        // «Заполнение графика»: the new registration waits without a period.
        var fill = new ScheduleFillPage(page);
        await fill.OpenAsync();
        await fill.FilterWithoutPeriodAsync();
        Assert.Contains("не выбран", await fill.Row(applicationId).InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "municipal-3-schedule-fill");
        await fill.AssignAsync(applicationId);

        // «Назначить»: the nearest open period is chosen, closed ones are disabled; two different experts.
        var assign = new ScheduleAssignPage(page);
        var periodName = (await assign.Period.Locator("option:checked").InnerTextAsync()).Trim();
        Assert.DoesNotContain("ПЕРИОД ЗАКРЫТ", periodName, StringComparison.Ordinal);
        Assert.True(await assign.Period.Locator("option[disabled]").CountAsync() > 0);
        var experts = await assign.OfferedExpertsAsync();
        Assert.True(experts.Count >= 2, "The demo municipality has at least two approved experts.");
        Assert.Equal("Первый специалист по аттестации", (await page.Locator("label[for='expert-a']").InnerTextAsync()).Trim());
        Assert.Equal("Второй специалист по аттестации", (await page.Locator("label[for='expert-b']").InnerTextAsync()).Trim());
        // Every option (name, position, subject, workplace, load) reads whole in the closed list.
        await ShotAsync(page, "municipal-4-schedule-assign-options");
        var overflow = await ScheduleAssignPage.OptionOverflowAsync(assign.FirstExpert);
        Assert.True(overflow <= 0, $"An expert's option is cut off by {overflow} px.");
        Assert.True(await ScheduleAssignPage.OptionOverflowAsync(assign.SecondExpert) <= 0, "An expert's option is cut off.");
        await assign.ChooseExpertsAsync(experts[0], experts[1]);
        await ShotAsync(page, "municipal-4-schedule-assign");
        await assign.SaveAsync();
        Assert.EndsWith("/Municipality/Schedule/Fill", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("назначены период", await fill.StatusMessage.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "municipal-5-scheduled");

        // «Просмотр графика»: the teacher is in the schedule as it stands; the approved one is not there yet.
        var view = new ScheduleViewPage(page);
        await view.OpenAsync(periodName);
        Assert.Contains(teacherName, await view.Schedule.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("График не утверждён", await view.NotApproved.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "municipal-6-schedule-view");

        var (pdfName, pdf) = await view.DownloadAsync("download-pdf");
        var (xlsxName, xlsx) = await view.DownloadAsync("download-xlsx");
        Assert.EndsWith(".pdf", pdfName, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", xlsxName, StringComparison.Ordinal);
        var text = await PdfReading.TextAsync(pdf);
        Assert.Contains("График проведения аттестации педагогических работников муниципального образования \"г. Томск\"", text, StringComparison.Ordinal);
        Assert.Contains(teacherName.Split(' ')[0], text, StringComparison.Ordinal);
        // An .xlsx is a zip package; its shared strings hold the teacher's name.
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
        await SaveAsync(pdfName, pdf);
        await SaveAsync(xlsxName, xlsx);

        await using var db = fixture.Portal.OpenDb();
        var saved = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
        Assert.Equal(ApplicationStatus.Scheduled, saved.Status);
        Assert.Equal([Guid.Parse(experts[0]), Guid.Parse(experts[1])], new[] { saved.ExpertAId!.Value, saved.ExpertBId!.Value });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Municipality/Attestation", "Аттестация педагогических работников", "municipal-attestation")]
    [InlineData("/Municipality/Journals", "Журналы регистрации", "municipal-journals")]
    [InlineData("/Municipality/Withdraw", "Общий список педагогических работников для отзыва заявления муниципальным координатором", "municipal-withdraw")]
    public async Task The_demo_coordinator_opens_the_attestation_journal_and_withdrawal_pages(string path, string heading, string shot)
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.MunicipalLogin, DemoOptions.DefaultPassword);

        await page.GotoAsync(path);

        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("table tbody tr, #registration-journal").CountAsync() > 0, "The demo data fills the page.");
        await ShotAsync(page, shot);
        if (path == "/Municipality/Withdraw")
        {
            await page.Locator("#applications a", new() { HasText = "Сформировать заявление на отзыв" }).First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await page.Locator("#submit").IsDisabledAsync());
            await ShotAsync(page, "municipal-withdraw-steps");
        }
        await page.Context.CloseAsync();
    }

    private async Task RegisterThroughDomainAsync(Guid applicationId)
    {
        await using var db = fixture.Portal.OpenDb();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == DemoSeeder.MunicipalLogin);
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        var region = fixture.Portal.Services.GetRequiredService<RegionTime>();
        application.Register(new Actor(coordinator.Id, Roles.MunicipalCoordinator), $"Б-{Random.Shared.Next(1000, 9999)}/{region.Today.Year}",
            region.Today, region.Now);
        await db.SaveChangesAsync();
    }

    /// <summary>A submitted application on general grounds of the demo coordinator's municipality (г. Томск).</summary>
    private async Task<(Guid Id, string Name)> SubmittedApplicationOfTomskAsync()
    {
        await using var db = fixture.Portal.OpenDb();
        var tomsk = await db.Users.Where(u => u.UserName == DemoSeeder.MunicipalLogin).Select(u => u.MunicipalityId).SingleAsync();
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.MunicipalityId == tomsk && a.Status == ApplicationStatus.Submitted && a.SimplifiedGrounds == null)
            .OrderBy(a => a.SubmittedAt)
            .FirstAsync();
        return (application.Id, application.FullName);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });

    private static async Task SaveAsync(string name, byte[] content)
    {
        var directory = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDirectory)!, "downloads");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), content);
    }
}
