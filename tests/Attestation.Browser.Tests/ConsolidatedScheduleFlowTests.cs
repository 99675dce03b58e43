using Attestation.Browser.Tests.Pages;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Attestation.Browser.Tests;

/// <summary>
/// The flow end to end: the demo operator opens «Сводный график» of a closed period that is not approved yet in
/// the demo data and approves the schedule of the demo expert's municipality; the demo expert then sees the attestee in
/// his individual schedule, opens the file and uploads the signed conclusion.
/// </summary>
public sealed class ConsolidatedScheduleFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

    [Fact]
    public async Task The_demo_operator_approves_the_consolidated_schedule_and_the_demo_expert_then_uploads_a_conclusion()
    {
        var attestee = await UnapprovedAttesteeOfTheDemoExpertAsync();

        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.OperatorLogin, DemoOptions.DefaultPassword);
        var consolidated = new ConsolidatedSchedulePage(page);
        await consolidated.OpenAsync(attestee.PeriodId);
        await consolidated.OpenMunicipalityAsync(attestee.MunicipalityId);
        Assert.Contains(attestee.TeacherName, await consolidated.Row(attestee.ApplicationId).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Фёдоров Алексей Николаевич", await consolidated.Row(attestee.ApplicationId).InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#awaiting").IsVisibleAsync());
        await ShotAsync(page, "consolidated-1-not-approved");

        await consolidated.ApproveAsync(attestee.MunicipalityId);
        Assert.StartsWith($"Утверждён график за период «{attestee.PeriodName}»", (await consolidated.StatusMessage.InnerTextAsync()).Trim(),
            StringComparison.Ordinal);
        Assert.StartsWith("Утверждён", (await consolidated.Municipality(attestee.MunicipalityId).Locator(".approval").InnerTextAsync()).Trim(),
            StringComparison.Ordinal);
        await ShotAsync(page, "consolidated-2-approved");

        // After the closing only the operator replaces an expert: the form is one click from the row.
        await consolidated.Row(attestee.ApplicationId).GetByRole(AriaRole.Link, new() { Name = "Заменить эксперта" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("Замена специалиста по аттестации", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(2, await page.Locator("input[name='Input.OldExpertId']").CountAsync());
        await ShotAsync(page, "consolidated-3-replace-form");
        await page.GetByRole(AriaRole.Link, new() { Name = "Отмена" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var pdf = await PdfReading.TextAsync(await consolidated.DownloadAsync("download-pdf"));
        Assert.Contains("Сводный график проведения аттестации педагогических работников", pdf, StringComparison.Ordinal);
        Assert.Contains(attestee.TeacherName.Split(' ')[0], pdf, StringComparison.Ordinal);
        await page.Context.CloseAsync();

        // The demo expert, in a browser of his own.
        var expertPage = await fixture.NewPageAsync();
        var expertLogin = new LoginPage(expertPage);
        await expertLogin.OpenAsync();
        await expertLogin.SignInAsync(DemoSeeder.ExpertLogin, DemoOptions.DefaultPassword);
        var schedule = new ExpertSchedulePage(expertPage);
        Assert.Contains(attestee.TeacherName, await schedule.Row(attestee.ApplicationId).InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(expertPage, "consolidated-4-expert-schedule");

        await schedule.OpenAttesteeAsync(attestee.ApplicationId);
        var file = new AttesteePage(expertPage);
        Assert.Equal(attestee.TeacherName, (await file.Heading.InnerTextAsync()).Trim());
        await ShotAsync(expertPage, "consolidated-5-expert-attestee");

        await file.OpenConclusionAsync();
        var conclusion = new ConclusionPage(expertPage);
        var template = await conclusion.DownloadTemplateAsync();
        // The «scan»: the printed template stands in for the paper signed by the teacher and both experts.
        var scan = Path.Combine(Path.GetTempPath(), $"итоговое-заключение-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(scan, template);
        try
        {
            await conclusion.UploadAsync(corresponds: true, "Результаты подтверждены материалами и посещением уроков.", scan);
        }
        finally
        {
            File.Delete(scan);
        }

        Assert.StartsWith("Итоговое заключение прикреплено", (await file.StatusMessage.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("соответствует", (await file.Recommendation.InnerTextAsync()).Trim());
        await ShotAsync(expertPage, "consolidated-6-conclusion-uploaded");

        await using var db = fixture.Portal.OpenDb();
        var saved = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == attestee.ApplicationId);
        Assert.Equal(ApplicationStatus.ConclusionUploaded, saved.Status);
        Assert.True(await db.ScheduleApprovals.AnyAsync(s => s.PeriodId == attestee.PeriodId && s.MunicipalityId == attestee.MunicipalityId));
        await expertPage.Context.CloseAsync();
    }

    private sealed record Attestee(Guid ApplicationId, string TeacherName, Guid PeriodId, string PeriodName, int MunicipalityId);

    /// <summary>
    /// A scheduled attestee of the demo expert in a period still to begin, whose municipal schedule the demo data leaves
    /// for the operator to approve. The clock is moved to the 16th of the month before the period if it is earlier: the
    /// period is closed for scheduling then, and the experts' individual schedules open.
    /// </summary>
    private async Task<Attestee> UnapprovedAttesteeOfTheDemoExpertAsync()
    {
        await using var db = fixture.Portal.OpenDb();
        var now = fixture.Portal.Clock.GetUtcNow();
        var expertId = await db.Users.Where(u => u.UserName == DemoSeeder.ExpertLogin).Select(u => u.Id).SingleAsync();
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Scheduled && a.Withdrawal == null
                && (a.ExpertAId == expertId || a.ExpertBId == expertId)
                && !db.ScheduleApprovals.Any(s => s.PeriodId == a.PeriodId && s.MunicipalityId == a.MunicipalityId))
            .Join(db.Periods, a => a.PeriodId, p => p.Id, (a, p) => new { Application = a, Period = p })
            .ToListAsync();
        var chosen = candidates
            .OrderBy(c => c.Period.StartYear).ThenBy(c => c.Period.StartMonth).ThenBy(c => c.Application.LastName)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("The demo data gave the demo expert no attestee in an unapproved period still to begin.");

        var visibleFrom = RegionClock.StartOfDay(PeriodCalendar.Deadlines(chosen.Period).ExpertScheduleVisibleFrom, Tomsk);
        if (now < visibleFrom)
            fixture.Portal.Clock.SetUtcNow(visibleFrom.AddHours(9));
        return new Attestee(chosen.Application.Id, chosen.Application.FullName, chosen.Period.Id, chosen.Period.Name,
            chosen.Application.MunicipalityId);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
}
