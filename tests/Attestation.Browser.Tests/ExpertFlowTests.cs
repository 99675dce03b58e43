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
/// The demo expert, once the operator has approved the schedule of one of his periods, opens his individual schedule,
/// studies an attestee, ticks a step of the procedure, prints the conclusion template and uploads the signed scan.
/// </summary>
public sealed class ExpertFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Tomsk = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

    [Fact]
    public async Task The_demo_expert_sees_his_approved_schedule_ticks_a_step_prints_the_template_and_uploads_a_conclusion()
    {
        var (applicationId, teacherName) = await ApproveAPeriodOfTheDemoExpertAsync();

        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(DemoSeeder.ExpertLogin, DemoOptions.DefaultPassword);
        var schedule = new ExpertSchedulePage(page);
        Assert.Equal("Личный кабинет специалиста по аттестации", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains(teacherName, await schedule.Row(applicationId).InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "expert-1-schedule");

        await schedule.OpenAttesteeAsync(applicationId);
        var attestee = new AttesteePage(page);
        Assert.Equal(teacherName, (await attestee.Heading.InnerTextAsync()).Trim());
        await ShotAsync(page, "expert-2-attestee");

        await attestee.TickAsync("study-schedule");
        Assert.StartsWith("Отмечено: «Изучить индивидуальный график", (await attestee.StatusMessage.InnerTextAsync()).Trim(),
            StringComparison.Ordinal);
        Assert.Equal("true", await attestee.Step("study-schedule").GetAttributeAsync("data-done"));
        await ShotAsync(page, "expert-3-step-ticked");

        await attestee.OpenConclusionAsync();
        var conclusion = new ConclusionPage(page);
        var template = await conclusion.DownloadTemplateAsync();
        var text = await PdfReading.TextAsync(template);
        Assert.Contains(teacherName, text, StringComparison.Ordinal);
        Assert.Contains("Фёдоров Алексей Николаевич", text, StringComparison.Ordinal);
        await ShotAsync(page, "expert-4-conclusion-form");

        // The «scan»: the printed template itself stands in for the paper signed by three people.
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

        Assert.StartsWith("Итоговое заключение прикреплено", (await attestee.StatusMessage.InnerTextAsync()).Trim(),
            StringComparison.Ordinal);
        Assert.Equal("соответствует", (await attestee.Recommendation.InnerTextAsync()).Trim());
        Assert.Equal("true", await attestee.Step("upload-conclusion").GetAttributeAsync("data-done"));
        await ShotAsync(page, "expert-5-conclusion-uploaded");

        await using (var db = fixture.Portal.OpenDb())
        {
            var saved = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
            Assert.Equal(ApplicationStatus.ConclusionUploaded, saved.Status);
            Assert.Equal(Conformity.Corresponds, saved.Conclusion!.Recommendation);
        }

        await schedule.OpenAsync();
        Assert.Contains("Заключение прикреплено", await schedule.Row(applicationId).InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// What the operator's «Утвердить» of the consolidated schedule leaves behind (that page is not this test's subject):
    /// an approval of the municipality's schedule for the period of one of the demo expert's scheduled attestees. The
    /// clock is moved to the 16th of the month before the period if it is earlier.
    /// </summary>
    private async Task<(Guid ApplicationId, string TeacherName)> ApproveAPeriodOfTheDemoExpertAsync()
    {
        await using var db = fixture.Portal.OpenDb();
        var expertId = await db.Users.Where(u => u.UserName == DemoSeeder.ExpertLogin).Select(u => u.Id).SingleAsync();
        var operatorId = await db.Users.Where(u => u.UserName == DemoSeeder.OperatorLogin).Select(u => u.Id).SingleAsync();
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Scheduled && a.Withdrawal == null
                && (a.ExpertAId == expertId || a.ExpertBId == expertId))
            .Join(db.Periods, a => a.PeriodId, p => p.Id, (a, p) => new { Application = a, Period = p })
            .ToListAsync();
        var chosen = candidates
            .OrderBy(c => c.Period.StartYear).ThenBy(c => c.Period.StartMonth).ThenBy(c => c.Application.LastName)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("The demo data gave the demo expert no scheduled attestee.");

        // The schedule of a period under way is approved in the demo data already.
        if (!await db.ScheduleApprovals.AnyAsync(s => s.PeriodId == chosen.Period.Id && s.MunicipalityId == chosen.Application.MunicipalityId))
        {
            db.ScheduleApprovals.Add(new ScheduleApproval(chosen.Period.Id, chosen.Application.MunicipalityId, operatorId,
                fixture.Portal.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var visibleFrom = RegionClock.StartOfDay(PeriodCalendar.Deadlines(chosen.Period).ExpertScheduleVisibleFrom, Tomsk);
        if (fixture.Portal.Clock.GetUtcNow() < visibleFrom)
            fixture.Portal.Clock.SetUtcNow(visibleFrom.AddHours(9));
        return (chosen.Application.Id, chosen.Application.FullName);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
}
