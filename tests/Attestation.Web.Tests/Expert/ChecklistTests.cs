using System.Net;
using AngleSharp.Dom;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Areas.Expert.Pages;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Expert;

/// <summary>
/// The procedure of «Процедурные мероприятия» as a checklist with the period's dates: the expert ticks steps, the ticks
/// are kept with their dates, and each expert of the pair has his own.
/// </summary>
public sealed class ChecklistTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly ExpertCabinet _cabinet = new(factory);

    [Fact]
    public async Task Ticks_are_kept_with_their_dates_and_belong_to_the_expert_who_ticked_them()
    {
        var expertA = await _cabinet.CreateExpertAsync("tick.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("tick.b", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("tick.teacher", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("tick.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        var tickedOn = _cabinet.Today;

        using var a = await factory.SignInAsync("tick.a");
        using (var response = await TickAsync(a, id, ExpertProcedure.AgreeVisitDates))
        {
            var page = await ExpectRedirectToAsync(a, response, AttesteeUrl(id));
            Assert.Equal("Отмечено: «Согласовать с аттестуемым даты встречи и посещения его практической деятельности».",
                StatusMessage(page));
            Assert.Equal("true", Step(page, ExpertProcedure.AgreeVisitDates).GetAttribute("data-done"));
            Assert.Equal($"отмечено {Date(tickedOn)}", Step(page, ExpertProcedure.AgreeVisitDates).QuerySelector(".tick-date")!
                .TextContent.Trim());
            Assert.Equal("false", Step(page, ExpertProcedure.StudySchedule).GetAttribute("data-done"));
        }

        // A second click (another tab) changes nothing.
        var staleTab = await a.GetDocumentAsync(AttesteeUrl(id));
        using (var again = await a.PostFormToAsync(staleTab, TickUrl(id),
                   new Dictionary<string, string> { ["step"] = ExpertProcedure.AgreeVisitDates },
                   formSelector: $"#untick-form-{ExpertProcedure.AgreeVisitDates}"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var tick = Assert.Single(await _cabinet.TicksAsync(id));
        Assert.Equal((expertA.Id, ExpertProcedure.AgreeVisitDates), (tick.ExpertId, tick.Step));

        // The colleague sees the step as not done by him, with a note that the colleague did it.
        _cabinet.MoveTo(tickedOn.AddDays(2), new TimeOnly(9, 0));
        using var b = await factory.SignInAsync("tick.b");
        var bPage = await b.GetDocumentAsync(AttesteeUrl(id));
        var bStep = Step(bPage, ExpertProcedure.AgreeVisitDates);
        Assert.Equal("false", bStep.GetAttribute("data-done"));
        Assert.Equal($"Второй специалист отметил {Date(tickedOn)}", bStep.QuerySelector(".colleague-tick")!.TextContent.Trim());
        using (var response = await TickAsync(b, id, ExpertProcedure.AgreeVisitDates))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var a2 = await factory.SignInAsync("tick.a");
        using (var response = await TickAsync(a2, id, ExpertProcedure.AgreeVisitDates, tick: false))
        {
            var page = await ExpectRedirectToAsync(a2, response, AttesteeUrl(id));
            Assert.Equal("false", Step(page, ExpertProcedure.AgreeVisitDates).GetAttribute("data-done"));
            Assert.Equal($"Второй специалист отметил {Date(tickedOn.AddDays(2))}",
                Step(page, ExpertProcedure.AgreeVisitDates).QuerySelector(".colleague-tick")!.TextContent.Trim());
        }

        var left = Assert.Single(await _cabinet.TicksAsync(id));
        Assert.Equal(expertB.Id, left.ExpertId);
        var bAfter = await b.GetDocumentAsync(AttesteeUrl(id));
        Assert.Equal($"отмечено {Date(tickedOn.AddDays(2))}",
            Step(bAfter, ExpertProcedure.AgreeVisitDates).QuerySelector(".tick-date")!.TextContent.Trim());
    }

    [Fact]
    public async Task In_tomsk_in_person_the_steps_carry_the_dates_of_the_period_with_the_10th_and_12th_hand_over()
    {
        var expertA = await _cabinet.CreateExpertAsync("dates.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("dates.b", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync("dates.teacher", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("dates.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start, AttestationForm.InPerson);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);

        using var client = await factory.SignInAsync("dates.a");
        var page = await client.GetDocumentAsync(AttesteeUrl(id));

        Assert.Equal(
        [
            ExpertProcedure.StudySchedule, ExpertProcedure.AgreeVisitDates, ExpertProcedure.InformOrganisation,
            ExpertProcedure.RequestMaterials, ExpertProcedure.StudyMaterials, ExpertProcedure.AssessResults,
            ExpertProcedure.PrepareConclusion, ExpertProcedure.AcquaintTeacher, ExpertProcedure.OriginalToOrganisation,
            ExpertProcedure.CopyToSubjectGroup, ExpertProcedure.UploadConclusion,
        ], StepCodes(page));
        Assert.Equal(
        [
            "Не менее чем за 14 дней до начала срока проведения аттестации",
            "В период проведения аттестации (в первый календарный месяц)",
            "В период проведения аттестации (во второй календарный месяц)",
        ], page.QuerySelectorAll("#procedure ~ h3").Select(h => h.TextContent.Trim()));

        Assert.Contains($"до {Date(start.AddDays(-14))}", Due(page, ExpertProcedure.AgreeVisitDates), StringComparison.Ordinal);
        Assert.Contains($"до {Date(start.AddMonths(1).AddDays(-1))}", Due(page, ExpertProcedure.AcquaintTeacher),
            StringComparison.Ordinal);
        var secondMonth = start.AddMonths(1);
        Assert.Contains($"до {Date(secondMonth.AddDays(9))}", Due(page, ExpertProcedure.CopyToSubjectGroup), StringComparison.Ordinal);
        Assert.Contains($"муниципальному координатору до {Date(secondMonth.AddDays(11))}",
            Step(page, ExpertProcedure.CopyToSubjectGroup).TextContent, StringComparison.Ordinal);
        Assert.Contains($"до {Date(secondMonth.AddDays(14))}", Due(page, ExpertProcedure.UploadConclusion), StringComparison.Ordinal);
        // The upload is ticked by the upload itself, not by hand.
        Assert.Null(page.QuerySelector($"#tick-form-{ExpertProcedure.UploadConclusion}"));
    }

    [Fact]
    public async Task A_distance_attestee_of_a_district_has_no_visits_and_no_subject_group_hand_over()
    {
        var district = _cabinet.Directory.VillageSchool;
        var expertA = await _cabinet.CreateExpertAsync("dist.a", "Фёдоров", "Алексей", "Николаевич", district);
        var expertB = await _cabinet.CreateExpertAsync("dist.b", "Орлова", "Ирина", "Олеговна", district);
        var teacher = await _cabinet.CreateTeacherAsync("dist.teacher", "Пичугина", "Ольга", "Владимировна", district);
        var @operator = await _cabinet.CreateOperatorAsync("dist.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start, AttestationForm.Distance);
        await _cabinet.MakeVisibleAsync(start, district.MunicipalityId, @operator);

        using var client = await factory.SignInAsync("dist.a");
        var page = await client.GetDocumentAsync(AttesteeUrl(id));

        Assert.Equal(
        [
            ExpertProcedure.StudySchedule, ExpertProcedure.RequestMaterials, ExpertProcedure.CheckDistanceMaterials,
            ExpertProcedure.StudyMaterials, ExpertProcedure.AssessResults, ExpertProcedure.PrepareConclusion,
            ExpertProcedure.AcquaintTeacher, ExpertProcedure.OriginalToOrganisation, ExpertProcedure.UploadConclusion,
        ], StepCodes(page));
        Assert.Contains($"до {Date(start)}", Due(page, ExpertProcedure.CheckDistanceMaterials), StringComparison.Ordinal);
        Assert.Contains("https://video.example.org/lesson-1", page.QuerySelector("#links")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-step")]
    [InlineData(ExpertProcedure.UploadConclusion)]
    [InlineData(ExpertProcedure.CheckDistanceMaterials)]
    public async Task A_step_that_is_not_a_manual_step_of_this_attestee_is_refused(string step)
    {
        var login = $"forged.{step}";
        var expertA = await _cabinet.CreateExpertAsync(login, "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync(login + ".b", "Орлова", "Ирина", "Олеговна");
        var teacher = await _cabinet.CreateTeacherAsync(login + ".t", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync(login + ".o");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start, AttestationForm.InPerson);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);

        using var client = await factory.SignInAsync(login);
        var page = await client.GetDocumentAsync(AttesteeUrl(id));
        using var response = await client.PostFormToAsync(page, TickUrl(id), new Dictionary<string, string> { ["step"] = step },
            formSelector: $"#tick-form-{ExpertProcedure.StudySchedule}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _cabinet.TicksAsync(id));
    }

    private static IElement Step(IDocument page, string code) =>
        page.QuerySelector($"#step-{code}") ?? throw new InvalidOperationException($"No step {code} on the page.");

    private static string Due(IDocument page, string code) => Step(page, code).QuerySelectorAll(".small")[0].TextContent.Trim();

    private static List<string> StepCodes(IDocument page) =>
        page.QuerySelectorAll(".procedure-stage li").Select(li => li.Id!["step-".Length..]).ToList();
}
