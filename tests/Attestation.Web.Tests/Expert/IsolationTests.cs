using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Areas.Expert.Pages;
using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Expert;

/// <summary>An expert sees only the attestees assigned to him: another expert's application is 404 on every page and post.</summary>
public sealed class IsolationTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly ExpertCabinet _cabinet = new(factory);

    [Fact]
    public async Task An_expert_gets_404_on_every_page_and_post_of_an_application_he_is_not_assigned_to()
    {
        var expertA = await _cabinet.CreateExpertAsync("iso.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("iso.b", "Орлова", "Ирина", "Олеговна");
        var outsider = await _cabinet.CreateExpertAsync("iso.c", "Чужой", "Виктор", "Павлович");
        var teacher = await _cabinet.CreateTeacherAsync("iso.teacher", "Пичугина", "Ольга", "Владимировна");
        var ownTeacher = await _cabinet.CreateTeacherAsync("iso.own", "Своя", "Мария", "Андреевна");
        var @operator = await _cabinet.CreateOperatorAsync("iso.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var foreign = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        // The outsider has an attestee of his own, with expert A: his pages give him forms with valid tokens.
        var own = await _cabinet.ScheduledApplicationAsync(ownTeacher, outsider, expertA, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        var foreignFile = (await _cabinet.LoadAsync(foreign)).Documents[0].FileId;
        var filesBefore = await _cabinet.StoredFileCountAsync();

        using var client = await factory.SignInAsync("iso.c");
        var schedule = await client.GetDocumentAsync(ScheduleUrl);
        Assert.Single(schedule.QuerySelectorAll("table.schedule tbody tr"));
        Assert.DoesNotContain("Пичугина", schedule.Body!.TextContent, StringComparison.Ordinal);

        foreach (var url in new[] { AttesteeUrl(foreign), FileUrl(foreign, foreignFile), ConclusionUrl(foreign), TemplateUrl(foreign) })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}.");
        }

        // His own application does not open the door to another application's file either.
        using (var response = await client.GetAsync(FileUrl(own, foreignFile)))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var ownPage = await client.GetDocumentAsync(AttesteeUrl(own));
        using (var tick = await client.PostFormToAsync(ownPage, TickUrl(foreign), new Dictionary<string, string>(),
                   formSelector: $"#tick-form-{ExpertProcedure.StudySchedule}"))
            Assert.Equal(HttpStatusCode.NotFound, tick.StatusCode);
        using (var untick = await client.PostFormToAsync(ownPage, UntickUrl(foreign), new Dictionary<string, string>(),
                   formSelector: $"#tick-form-{ExpertProcedure.StudySchedule}"))
            Assert.Equal(HttpStatusCode.NotFound, untick.StatusCode);

        var ownConclusion = await client.GetDocumentAsync(ConclusionUrl(own));
        using (var upload = await client.PostFormToAsync(ownConclusion, ConclusionUrl(foreign),
                   new Dictionary<string, string> { ["Input.Recommendation"] = nameof(Conformity.Corresponds) },
                   [new ChosenFile("Input.Scan", "скан.pdf", SamplePdf.Bytes(), "application/pdf")], formSelector: "#upload-form"))
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        var after = await _cabinet.LoadAsync(foreign);
        Assert.Equal(ApplicationStatus.Scheduled, after.Status);
        Assert.Null(after.Conclusion);
        Assert.Empty(await _cabinet.TicksAsync(foreign));
        Assert.Equal(filesBefore, await _cabinet.StoredFileCountAsync());

        // The same forms do work on his own attestee: the 404s above were about the application, not the requests.
        using (var tick = await TickAsync(client, own, ExpertProcedure.StudySchedule))
            Assert.Equal(HttpStatusCode.Redirect, tick.StatusCode);
        Assert.Single(await _cabinet.TicksAsync(own));
    }

    [Fact]
    public async Task An_expert_replaced_on_an_application_no_longer_sees_it()
    {
        var expertA = await _cabinet.CreateExpertAsync("rep.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("rep.b", "Орлова", "Ирина", "Олеговна");
        var replacement = await _cabinet.CreateExpertAsync("rep.c", "Новикова", "Софья", "Игоревна");
        var teacher = await _cabinet.CreateTeacherAsync("rep.teacher", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync("rep.operator");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await using (var db = factory.OpenDb())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            var period = await db.Periods.SingleAsync(p => p.Id == application.PeriodId);
            var list = await db.ApprovedExpertLists.Include(l => l.Entries)
                .SingleAsync(l => l.SchoolYearStart == period.SchoolYear.StartYear);
            list.Add(replacement.Id, _cabinet.Directory.Tomsk.Id);
            application.ReplaceExpert(period, expertB.Id, replacement.Id, list, "болезнь специалиста",
                approvedByOperator: true, new Actor(@operator.Id, Roles.Operator), _cabinet.Now, Tomsk);
            await db.SaveChangesAsync();
        }
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);

        using var replaced = await factory.SignInAsync("rep.b");
        Assert.Equal(HttpStatusCode.NotFound, (await replaced.GetAsync(AttesteeUrl(id))).StatusCode);
        Assert.Empty((await replaced.GetDocumentAsync(ScheduleUrl)).QuerySelectorAll("table.schedule tbody tr"));
        using var newcomer = await factory.SignInAsync("rep.c");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(AttesteeUrl(id))).StatusCode);
    }
}
