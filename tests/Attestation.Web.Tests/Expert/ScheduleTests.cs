using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Testing;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

using IndexModel = Attestation.Web.Areas.Expert.Pages.IndexModel;

namespace Attestation.Web.Tests.Expert;

/// <summary>
/// «Индивидуальный график»: shown once the operator approved the municipality's schedule and the 16th of the month
/// before the period has come, with what the expert needs to start (the colleague, the school coordinator to call) and
/// the conclusion due on the 15th of the second month. Each test works on a period ahead of the clock and moves the
/// clock forward only.
/// </summary>
public sealed class ScheduleTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly ExpertCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_schedule_is_hidden_before_the_approval_and_before_the_16th_of_the_month_before_then_shown()
    {
        var expert = await _cabinet.CreateExpertAsync("vis.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("vis.colleague", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("vis.teacher", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("vis.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expert, colleague, start);
        var periodName = new AttestationPeriod(start.Year, start.Month).Name;
        var visibleFrom = start.AddMonths(-1).AddDays(15);

        // Scheduled, not approved: nothing but a line saying the schedule is not approved yet.
        _cabinet.MoveTo(visibleFrom, new TimeOnly(10, 0));
        using (var client = await factory.SignInAsync("vis.expert"))
        {
            var page = await client.GetDocumentAsync(ScheduleUrl);
            Assert.Empty(page.QuerySelectorAll("table.schedule tbody tr"));
            Assert.DoesNotContain("Пичугина", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains($"График на период «{periodName}» ещё не утверждён", page.QuerySelector("#upcoming")!.TextContent,
                StringComparison.Ordinal);
            using var details = await client.GetAsync(AttesteeUrl(id));
            Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        }

        await _cabinet.ApproveAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        Assert.True(_cabinet.Today >= visibleFrom);
        using (var client = await factory.SignInAsync("vis.expert"))
        {
            var page = await client.GetDocumentAsync(ScheduleUrl);
            var row = Assert.Single(page.QuerySelectorAll("table.schedule tbody tr"));
            Assert.Equal("Пичугина Ольга Владимировна", row.QuerySelector(".teacher a")!.TextContent.Trim());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AttesteeUrl(id))).StatusCode);

            // Found by a part of the name, any case; another name finds nothing.
            Assert.Single((await client.GetDocumentAsync($"{ScheduleUrl}?q=ПИЧУГ")).QuerySelectorAll("table.schedule tbody tr"));
            Assert.Empty((await client.GetDocumentAsync($"{ScheduleUrl}?q=Орлова")).QuerySelectorAll("table.schedule tbody tr"));
        }
    }

    [Fact]
    public async Task A_period_ended_long_ago_leaves_the_page_and_comes_back_with_all_periods()
    {
        var expert = await _cabinet.CreateExpertAsync("old.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("old.colleague", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("old.teacher", "Давнишняя", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("old.operator");
        var start = _cabinet.NextOpenPeriodStart();
        await _cabinet.ScheduledApplicationAsync(teacher, expert, colleague, start);
        _cabinet.MoveTo(start.AddMonths(-1).AddDays(15), new TimeOnly(10, 0));
        await _cabinet.ApproveAsync(start, _cabinet.Directory.Tomsk.Id, @operator);

        // Its last month plus six: still shown; a month later, only among all periods.
        _cabinet.MoveTo(start.AddMonths(AttestationPeriod.LengthInMonths - 1 + IndexModel.RecentMonths).AddDays(1), new TimeOnly(10, 0));
        using (var client = await factory.SignInAsync("old.expert"))
            Assert.Contains("Давнишняя", (await client.GetDocumentAsync(ScheduleUrl)).Body!.TextContent, StringComparison.Ordinal);
        _cabinet.MoveTo(start.AddMonths(AttestationPeriod.LengthInMonths + IndexModel.RecentMonths).AddDays(1), new TimeOnly(10, 0));
        using (var client = await factory.SignInAsync("old.expert"))
        {
            var page = await client.GetDocumentAsync(ScheduleUrl);
            Assert.DoesNotContain("Давнишняя", page.Body!.TextContent, StringComparison.Ordinal);
            var all = await client.GetDocumentAsync(page.QuerySelector("#show-all-periods")!.GetAttribute("href")!);
            Assert.Contains("Давнишняя", all.QuerySelector("table.schedule")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_approved_schedule_appears_on_the_16th_of_the_month_before_and_not_a_minute_earlier()
    {
        var expert = await _cabinet.CreateExpertAsync("day.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("day.colleague", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("day.teacher", "Сидорова", "Анна", "Ивановна");
        var @operator = await _cabinet.CreateOperatorAsync("day.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expert, colleague, start);
        await _cabinet.ApproveAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        var visibleFrom = PeriodCalendar.Deadlines(new AttestationPeriod(start.Year, start.Month)).ExpertScheduleVisibleFrom;
        Assert.Equal(16, visibleFrom.Day);

        // 23:59 of the 15th in Tomsk (16:59 UTC): still the 15th for the region.
        _cabinet.MoveTo(visibleFrom.AddDays(-1), new TimeOnly(23, 59));
        using (var client = await factory.SignInAsync("day.expert"))
        {
            var page = await client.GetDocumentAsync(ScheduleUrl);
            Assert.Empty(page.QuerySelectorAll("table.schedule tbody tr"));
            Assert.Contains($"будет доступен с {Date(visibleFrom)}", page.QuerySelector("#upcoming")!.TextContent,
                StringComparison.Ordinal);
            foreach (var url in new[] { AttesteeUrl(id), ConclusionUrl(id), TemplateUrl(id) })
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        _cabinet.MoveTo(visibleFrom, new TimeOnly(0, 1));
        using (var client = await factory.SignInAsync("day.expert"))
        {
            var page = await client.GetDocumentAsync(ScheduleUrl);
            Assert.Single(page.QuerySelectorAll("table.schedule tbody tr"));
            Assert.Null(page.QuerySelector("#upcoming"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AttesteeUrl(id))).StatusCode);
        }
    }

    [Fact]
    public async Task A_row_names_the_teacher_the_claim_the_form_the_colleague_and_the_school_coordinator_to_call()
    {
        var expert = await _cabinet.CreateExpertAsync("row.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("row.colleague", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("row.teacher", "Пичугина", "Ольга", "Владимировна");
        var gymnasiumTeacher = await _cabinet.CreateTeacherAsync("row.teacher2", "Абрамов", "Пётр", "Сергеевич",
            _cabinet.Directory.Gymnasium);
        await _cabinet.CreateSchoolCoordinatorAsync("row.school", "Кузнецова", _cabinet.Directory.Lyceum, "+7 (3822) 55-11-22");
        // A coordinator of another school is nobody's contact here.
        await _cabinet.CreateSchoolCoordinatorAsync("row.other", "Посторонняя", _cabinet.Directory.VillageSchool, "+7 000");
        var @operator = await _cabinet.CreateOperatorAsync("row.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var lyceumId = await _cabinet.ScheduledApplicationAsync(teacher, expert, colleague, start, AttestationForm.Distance);
        var gymnasiumId = await _cabinet.ScheduledApplicationAsync(gymnasiumTeacher, colleague, expert, start,
            AttestationForm.InPerson, QualificationCategory.First);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);

        using var client = await factory.SignInAsync("row.expert");
        var page = await client.GetDocumentAsync(ScheduleUrl);

        var period = page.QuerySelector(".schedule-period")!;
        Assert.Contains($"Период «{new AttestationPeriod(start.Year, start.Month).Name}»", period.QuerySelector("h3")!.TextContent,
            StringComparison.Ordinal);
        var rows = period.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        // Sorted by the attestee's name: Абрамов before Пичугина.
        var gymnasium = rows[0];
        var lyceum = rows[1];
        Assert.Equal(gymnasiumId.ToString(), gymnasium.GetAttribute("data-application"));
        Assert.Equal(lyceumId.ToString(), lyceum.GetAttribute("data-application"));

        var cells = lyceum.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Пичугина Ольга Владимировна", cells[1]);
        Assert.Equal("учитель математики", cells[2]);
        Assert.Equal(_cabinet.Directory.Lyceum.Name, cells[3]);
        Assert.Equal("высшая", cells[4]);
        Assert.Equal("дистанционно", cells[5]);
        Assert.Contains("Орлова Ирина Олеговна", cells[6], StringComparison.Ordinal);
        Assert.Contains(_cabinet.Directory.Gymnasium.Name, cells[6], StringComparison.Ordinal);
        var coordinator = lyceum.QuerySelector(".coordinator")!.TextContent;
        Assert.Contains("Кузнецова Марина Петровна", coordinator, StringComparison.Ordinal);
        Assert.Contains("+7 (3822) 55-11-22", coordinator, StringComparison.Ordinal);
        Assert.Contains("row.school@example.org", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("Посторонняя", page.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal("первая", gymnasium.QuerySelector(".claimed")!.TextContent.Trim());
        Assert.Equal("очно", gymnasium.QuerySelector(".form")!.TextContent.Trim());
        Assert.Contains("Орлова Ирина Олеговна", gymnasium.QuerySelector(".other-expert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("не назначен", gymnasium.QuerySelector(".coordinator")!.TextContent.Trim());

        // The same contact on the attestee's page.
        var details = await client.GetDocumentAsync(AttesteeUrl(lyceumId));
        Assert.Contains("+7 (3822) 55-11-22", details.QuerySelector("#coordinators")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conclusion_missing_after_the_15th_of_the_second_month_is_flagged_overdue()
    {
        var expert = await _cabinet.CreateExpertAsync("late.expert", "Фёдоров", "Алексей", "Николаевич");
        var colleague = await _cabinet.CreateExpertAsync("late.colleague", "Орлова", "Ирина", "Олеговна");
        var late = await _cabinet.CreateTeacherAsync("late.teacher", "Опоздалова", "Ольга", "Владимировна");
        var done = await _cabinet.CreateTeacherAsync("late.done", "Успелова", "Анна", "Ивановна");
        var @operator = await _cabinet.CreateOperatorAsync("late.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var lateId = await _cabinet.ScheduledApplicationAsync(late, expert, colleague, start);
        var doneId = await _cabinet.ScheduledApplicationAsync(done, expert, colleague, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        var dueBy = start.AddMonths(1).AddDays(14);

        _cabinet.MoveTo(dueBy, new TimeOnly(18, 0));
        using (var client = await factory.SignInAsync("late.expert"))
        {
            using var uploaded = await UploadConclusionAsync(client, doneId, nameof(Conformity.Corresponds), null, "скан.pdf",
                SamplePdf.Bytes());
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

            var page = await client.GetDocumentAsync(ScheduleUrl);
            Assert.Empty(page.QuerySelectorAll(".overdue"));
            Assert.Null(page.QuerySelector("#overdue-summary"));
            Assert.Equal($"до {Date(dueBy)}", Row(page, lateId).QuerySelector(".conclusion")!.TextContent.Trim());
        }

        _cabinet.MoveTo(dueBy.AddDays(1), new TimeOnly(0, 1));
        using (var client = await factory.SignInAsync("late.expert"))
        {
            var page = await client.GetDocumentAsync(ScheduleUrl);
            var lateRow = Row(page, lateId);
            Assert.Contains("table-danger", lateRow.ClassList);
            Assert.Equal("просрочено", lateRow.QuerySelector(".overdue")!.TextContent.Trim());
            var doneRow = Row(page, doneId);
            Assert.Null(doneRow.QuerySelector(".overdue"));
            Assert.Equal("Заключение прикреплено", doneRow.QuerySelector(".conclusion")!.TextContent.Trim());
            Assert.Contains("Просрочено итоговых заключений: 1", page.QuerySelector("#overdue-summary")!.TextContent,
                StringComparison.Ordinal);

            var details = await client.GetDocumentAsync(AttesteeUrl(lateId));
            Assert.Contains($"до {Date(dueBy)}: срок истёк", details.QuerySelector("#overdue")!.TextContent, StringComparison.Ordinal);
        }
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Dom.IDocument page, Guid id) =>
        page.QuerySelector($"tr[data-application='{id}']") ?? throw new InvalidOperationException($"No row for {id}.");
}
