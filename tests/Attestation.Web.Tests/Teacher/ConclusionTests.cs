using System.Net;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>The final conclusion reaches the teacher, who downloads it and uploads the copy signed by all three.</summary>
public sealed class ConclusionTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string ConclusionCame =
        "Вам пришло итоговое заключение. Необходимо его просмотреть и в случае согласия распечатать и подписать его, и прикрепить подписанный скан.";

    private const string SignForm = "main form[action*='handler=SignConclusion']";

    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_teacher_downloads_the_conclusion_and_uploads_the_signed_copy()
    {
        await _cabinet.CreateTeacherAsync("conclusion.sign");
        using var client = await factory.SignInAsync("conclusion.sign");
        var (id, expert, _) = await ScheduledApplicationAsync(client, "conclusion.sign");
        var conclusion = SampleFiles.Pdf("Conclusion of the experts");

        var fileId = await _cabinet.AttachConclusionAsync(id, expert, conclusion);

        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Прикреплено итоговое заключение", details.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains(ConclusionCame, Text(details.QuerySelector("#conclusion")!), StringComparison.Ordinal);
        Assert.Contains("рекомендация: соответствует заявленной категории", Text(details.QuerySelector("#conclusion")!),
            StringComparison.Ordinal);
        var link = details.QuerySelector("#conclusion a")!;
        Assert.Equal(FileUrl(id, fileId), link.GetAttribute("href"));

        using (var download = await client.GetAsync(link.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("Итоговое заключение.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(conclusion, await download.Content.ReadAsByteArrayAsync());
        }

        var signed = SampleFiles.Pdf("Signed by the teacher and both experts");
        using (var response = await client.SubmitMultipartFormAsync(details, DetailsUrl(id), new Dictionary<string, string>(),
                   [new ChosenFile("SignedConclusion", "заключение подписанное.pdf", signed, "application/pdf")], SignForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(DetailsUrl(id), response.RedirectPath());
        }

        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(ApplicationStatus.ConclusionSigned, saved.Status);
        Assert.NotNull(saved.Conclusion!.SignedFileId);
        Assert.Equal(fileId, saved.Conclusion.FileId);
        Assert.Equal("Прикреплено итоговое заключение, подписанное аттестуемым и двумя специалистами",
            saved.Events.MaxBy(e => e.Number)!.Description);
        var after = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Подписанное итоговое заключение прикреплено.", StatusMessage(after));
        Assert.Equal("Итоговое заключение подписано", after.QuerySelector("#status")!.TextContent.Trim());
        Assert.DoesNotContain(ConclusionCame, after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(SignForm));
        using var signedDownload = await client.GetAsync(FileUrl(id, saved.Conclusion.SignedFileId!.Value));
        Assert.Equal(signed, await signedDownload.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_signed_copy_that_is_not_a_pdf_or_image_is_refused_and_the_conclusion_still_waits()
    {
        await _cabinet.CreateTeacherAsync("conclusion.refused");
        using var client = await factory.SignInAsync("conclusion.refused");
        var (id, expert, _) = await ScheduledApplicationAsync(client, "conclusion.refused");
        await _cabinet.AttachConclusionAsync(id, expert, SampleFiles.Pdf());
        var files = await _cabinet.StoredFileCountAsync();

        using var response = await client.SubmitMultipartFormAsync(DetailsUrl(id), new Dictionary<string, string>(),
            [new ChosenFile("SignedConclusion", "заключение.pdf", SampleFiles.Html(), "application/pdf")], SignForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Допускаются только файлы PDF, JPEG или PNG: файл «заключение.pdf» не является ни одним из них.",
            page.FieldError("SignedConclusion"));
        Assert.Equal(ApplicationStatus.ConclusionUploaded, (await _cabinet.LoadAsync(id)).Status);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
    }

    [Fact]
    public async Task A_second_tab_signing_again_keeps_the_first_signed_copy()
    {
        await _cabinet.CreateTeacherAsync("conclusion.twice");
        using var client = await factory.SignInAsync("conclusion.twice");
        var (id, expert, _) = await ScheduledApplicationAsync(client, "conclusion.twice");
        await _cabinet.AttachConclusionAsync(id, expert, SampleFiles.Pdf());
        var firstTab = await client.GetDocumentAsync(DetailsUrl(id));
        var secondTab = await client.GetDocumentAsync(DetailsUrl(id));

        using var first = await client.SubmitMultipartFormAsync(firstTab, DetailsUrl(id), new Dictionary<string, string>(),
            [new ChosenFile("SignedConclusion", "первый.pdf", SampleFiles.Pdf("first"), "application/pdf")], SignForm);
        var signedFirst = (await _cabinet.LoadAsync(id)).Conclusion!.SignedFileId;
        var files = await _cabinet.StoredFileCountAsync();
        using var second = await client.SubmitMultipartFormAsync(secondTab, DetailsUrl(id), new Dictionary<string, string>(),
            [new ChosenFile("SignedConclusion", "второй.pdf", SampleFiles.Pdf("second"), "application/pdf")], SignForm);

        Assert.Equal(DetailsUrl(id), second.RedirectPath());
        var saved = await _cabinet.LoadAsync(id);
        Assert.Equal(signedFirst, saved.Conclusion!.SignedFileId);
        Assert.Single(saved.Events, e => e.Kind == ApplicationEventKind.ConclusionSigned);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
    }

    [Fact]
    public async Task The_decision_is_shown_with_the_meeting_the_protocol_and_the_order()
    {
        await _cabinet.CreateTeacherAsync("conclusion.decided");
        using var client = await factory.SignInAsync("conclusion.decided");
        var (id, expert, coordinator) = await ScheduledApplicationAsync(client, "conclusion.decided");
        await _cabinet.AttachConclusionAsync(id, expert, SampleFiles.Pdf());
        var details = await client.GetDocumentAsync(DetailsUrl(id));
        using var signing = await client.SubmitMultipartFormAsync(details, DetailsUrl(id), new Dictionary<string, string>(),
            [new ChosenFile("SignedConclusion", "подписанное.pdf", SampleFiles.Pdf(), "application/pdf")], SignForm);
        Assert.Equal(HttpStatusCode.Redirect, signing.StatusCode);
        var operatorUser = await factory.CreateUserAsync(Roles.Operator, "conclusion.decided.operator");
        var meeting = _cabinet.Today;
        var order = meeting.AddDays(5);

        await factory.Applications.Saved(id)
            .By(coordinator)
            .Verified(Conformity.Corresponds, _cabinet.Now)
            .Decided(new CommissionDecision(meeting, "7", DecisionOutcome.Established, "1234-р", order), operatorUser, _cabinet.Now)
            .AtAsync(ApplicationStage.Decided);

        var page = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Решение принято: квалификационная категория «первая» установлена",
            page.QuerySelector("#status")!.TextContent.Trim());
        var decision = Text(page.QuerySelector("#decision")!);
        Assert.Contains(
            $"Заседание {Date(meeting)}, протокол № 7: установить первую квалификационную категорию.", decision,
            StringComparison.Ordinal);
        Assert.Contains($"Распоряжение № 1234-р от {Date(order)}.", decision, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='{WithdrawUrl(id)}']"));
        Assert.Equal(
            $"Решение аттестационной комиссии от {Date(meeting)} (протокол № 7): установить, распоряжение № 1234-р от {Date(order)}",
            History(page)[^1].What);
    }

    /// <summary>A submitted application registered and put into the schedule with two experts.</summary>
    private async Task<(Guid Id, AppUser Expert, AppUser Coordinator)> ScheduledApplicationAsync(HttpClient client, string login)
    {
        var id = await _cabinet.SubmittedApplicationAsync(client);
        var coordinator = await _cabinet.CreateCoordinatorAsync(login + ".coordinator");
        var expertA = await _cabinet.CreateExpertAsync(login + ".expert.a", "Лебедева");
        var expertB = await _cabinet.CreateExpertAsync(login + ".expert.b", "Соколова");
        await _cabinet.RegisterAsync(id, coordinator, login);
        await _cabinet.ScheduleAsync(id, coordinator, expertA, expertB);
        return (id, expertA, coordinator);
    }
}
