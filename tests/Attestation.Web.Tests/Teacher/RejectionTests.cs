using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>A rejected application is corrected and submitted again, keeping its whole history.</summary>
public sealed class RejectionTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Reason = "Фамилия в заявлении не совпадает с фамилией в скане; нет подписи на скане.";

    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_teacher_sees_the_rejection_and_its_reason()
    {
        await _cabinet.CreateTeacherAsync("reject.seen");
        using var client = await factory.SignInAsync("reject.seen");
        var id = await _cabinet.SubmittedApplicationAsync(client);
        var coordinator = await _cabinet.CreateCoordinatorAsync("reject.seen.coordinator");

        await _cabinet.RejectAsync(id, coordinator, Reason);

        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal($"Заявление отклонено: {Reason}", details.QuerySelector("#status")!.TextContent.Trim());
        var rejection = details.QuerySelector("#rejection")!.TextContent;
        Assert.Contains("Заявление отклонено.", rejection, StringComparison.Ordinal);
        Assert.Contains($"Причина: {Reason}", rejection, StringComparison.Ordinal);
        var rejected = History(details)[^1];
        Assert.Equal("Заявление отклонено", rejected.What);
        Assert.Equal("Координаторова Галина Петровна (Координатор по аттестации по муниципальному образованию)", rejected.Who);
        Assert.Equal($"Причина: {Reason}", rejected.Why);
        Assert.NotNull(details.QuerySelector($"#rejection a[href='{EditUrl(id)}']"));

        var list = await client.GetDocumentAsync(ApplicationsUrl);
        Assert.Equal("Отклонено", list.QuerySelector("tbody tr .badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_rejected_application_is_corrected_and_resubmitted_keeping_every_event()
    {
        await _cabinet.CreateTeacherAsync("reject.resubmit");
        using var client = await factory.SignInAsync("reject.resubmit");
        var id = await _cabinet.SubmittedApplicationAsync(client);
        var coordinator = await _cabinet.CreateCoordinatorAsync("reject.resubmit.coordinator");
        await _cabinet.RejectAsync(id, coordinator, Reason);
        // The teacher comes back two days later and signs in again.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var later = await factory.SignInAsync("reject.resubmit");

        var edit = await later.GetDocumentAsync(EditUrl(id));
        Assert.Equal("Исправление отклонённого заявления · сохраняйте черновик в любой момент",
            edit.QuerySelector("h1 + p")!.TextContent.Trim());
        Assert.Contains(Reason, edit.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        await AttachAsync(later, id, ApplicationDocumentKind.SignedApplication, "скан с подписью.pdf", SampleFiles.Pdf("signed"));
        using (var response = await later.SubmitFormAsync(EditUrl(id),
                   new Dictionary<string, string> { ["Input.LastName"] = "Проверкина-Иванова" }, submitter: "submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(DetailsUrl(id), response.RedirectPath());
        }

        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Equal("Проверкина-Иванова", saved.LastName);
        Assert.Null(saved.RejectionReason);
        Assert.Equal(factory.Clock.GetUtcNow(), saved.SubmittedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True(saved.FirstSubmittedAt < saved.SubmittedAt);
        var kinds = saved.Events.OrderBy(e => e.Number).Select(e => e.Kind).ToList();
        Assert.Equal(Enumerable.Range(1, kinds.Count), saved.Events.Select(e => e.Number).Order());
        Assert.Equal(ApplicationEventKind.Created, kinds[0]);
        Assert.Equal(
            [ApplicationEventKind.Submitted, ApplicationEventKind.Rejected, ApplicationEventKind.DocumentAttached,
                ApplicationEventKind.DraftUpdated, ApplicationEventKind.Resubmitted],
            kinds.SkipWhile(k => k != ApplicationEventKind.Submitted));

        var details = await later.GetDocumentAsync(DetailsUrl(id));
        Assert.Null(details.QuerySelector("#rejection"));
        Assert.Equal("Подано", details.QuerySelector("#status")!.TextContent.Trim());
        var history = History(details);
        Assert.Equal(saved.Events.Count, history.Count);
        Assert.Contains(history, e => e.What == "Заявление подано");
        Assert.Contains(history, e => e.What == "Заявление отклонено" && e.Why == $"Причина: {Reason}");
        Assert.Equal("Исправленное заявление подано повторно", history[^1].What);
        // Who acted is named from the account, whatever the application now says.
        Assert.Equal("Проверкина Анна Сергеевна (Педагогический работник)", history[^1].Who);
        // The 30-day clock starts again from the resubmission.
        Assert.Contains($"подано {Date(_cabinet.Today)}", details.QuerySelector("#consideration")!.TextContent,
            StringComparison.Ordinal);
    }
}
