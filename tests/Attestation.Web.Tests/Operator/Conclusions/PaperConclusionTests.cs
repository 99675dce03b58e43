using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Notifications;
using Attestation.Web.Tests.Teacher;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Conclusions;

/// <summary>
/// The operator's upload of a final conclusion received on paper («Прикреплено итоговое заключение экспертом/
/// оператором»): the history names the operator, the teacher downloads it and gets a letter, bad input is refused
/// next to its field with nothing lost.
/// </summary>
public sealed class PaperConclusionTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    private static string UploadUrl(Guid id) => $"/Operator/Conclusions/Upload?id={id}";

    /// <summary>An application in the schedule of a period starting in two months (still open), with two experts.</summary>
    private async Task<(Guid Id, AppUser ExpertA)> ScheduledAsync(string prefix)
    {
        var start = _desk.Today.AddMonths(2);
        var period = await _desk.PeriodAsync(start.Year, start.Month);
        var experts = (await _desk.CreateExpertAsync(prefix + ".ea", "Фёдорова"), await _desk.CreateExpertAsync(prefix + ".eb", "Орлова"));
        var id = await _desk.ApplicationAsync(prefix + ".t", Directory.Tomsk.Id, Directory.Lyceum.Id, _desk.Now.AddDays(-10),
            register: true, period: period, experts: experts, scheduledAt: _desk.Now.AddDays(-8));
        return (id, experts.Item1);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string? recommendation, string comment,
        string fileName, byte[] content, bool? signedByAll = null)
    {
        var values = new Dictionary<string, string> { ["Input.Comment"] = comment };
        if (recommendation is not null)
            values["Input.Recommendation"] = recommendation;
        if (signedByAll is { } signed)
            values["Input.SignedByAll"] = signed ? "true" : "false";
        return client.SubmitMultipartFormAsync(UploadUrl(id), values,
            [new ChosenFile("Input.Scan", fileName, content, "application/pdf")], formSelector: "#upload-form");
    }

    [Fact]
    public async Task A_paper_conclusion_signed_by_all_goes_to_the_coordinator_names_the_operator_and_reaches_the_teacher()
    {
        var (id, _) = await ScheduledAsync("paper");
        var @operator = await _desk.CreateOperatorAsync("paper.operator");
        using var client = await factory.SignInAsync("paper.operator");
        var scan = SampleFiles.Pdf("paper conclusion");
        var mails = (await factory.SentMailsAsync()).Count;

        // The application's card leads to the upload.
        var card = await client.GetDocumentAsync($"/Operator/Applications/Details?id={id}");
        Assert.Equal(UploadUrl(id), card.QuerySelector("#paper-conclusion")!.GetAttribute("href"));
        var form = await client.GetDocumentAsync(UploadUrl(id));
        Assert.Equal("true", form.FieldValue("Input.SignedByAll"));
        using var response = await UploadAsync(client, id, nameof(Conformity.Corresponds), "Получено от координатора 12-го числа.",
            "заключение Учителевой.pdf", scan);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(UploadUrl(id), response.RedirectPath());
        var page = await client.GetDocumentAsync(UploadUrl(id));
        Assert.Equal("Итоговое заключение прикреплено и передано муниципальному координатору на проверку. Аттестуемому отправлено письмо.",
            StatusMessage(page));
        Assert.Null(page.QuerySelector("#upload-form"));

        var saved = await _desk.LoadAsync(id);
        Assert.Equal(ApplicationStatus.ConclusionSigned, saved.Status);
        Assert.Equal(Conformity.Corresponds, saved.Conclusion!.Recommendation);
        Assert.Equal("Получено от координатора 12-го числа.", saved.Conclusion.Comment);
        Assert.Equal((@operator.Id, saved.Conclusion.FileId), (saved.Conclusion.UploadedBy, saved.Conclusion.SignedFileId!.Value));
        var events = saved.Events.OrderBy(e => e.Number).TakeLast(2).ToList();
        Assert.Equal(
            [
                (ApplicationEventKind.ConclusionAttached, "Прикреплено итоговое заключение: соответствует", @operator.Id, Roles.Operator),
                (ApplicationEventKind.ConclusionSigned, "Прикреплено итоговое заключение, подписанное аттестуемым и двумя специалистами", @operator.Id, Roles.Operator),
            ],
            events.Select(e => (e.Kind, e.Description, e.ActorId!.Value, e.ActorRole!)));

        // The card's history says who: «… (Оператор)».
        var details = await client.GetDocumentAsync($"/Operator/Applications/Details?id={id}");
        Assert.Null(details.QuerySelector("#paper-conclusion"));
        var entry = details.QuerySelectorAll("#history li").Single(li => li.TextContent.Contains("Прикреплено итоговое заключение: соответствует", StringComparison.Ordinal));
        Assert.Contains("Операторова Елена Андреевна (Оператор)", Text(entry), StringComparison.Ordinal);

        // The teacher downloads it from his cabinet.
        using var teacher = await factory.SignInAsync("paper.t");
        var teacherPage = await teacher.GetDocumentAsync($"/Teacher/Applications/Details?id={id}");
        using (var download = await teacher.GetAsync(teacherPage.QuerySelector("#conclusion a")!.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(scan, await download.Content.ReadAsByteArrayAsync());
        }

        // And has a letter that asks for nothing more and keeps the recommendation for the cabinet.
        var mail = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Equal("paper.t@example.org", mail.To.Trim('<', '>'));
        Assert.Equal(ApplicationEmails.ConclusionAttachedSubject, mail.Subject);
        Assert.Contains("прикреплено итоговое заключение специалистов по аттестации", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains("прикреплять подписанный экземпляр не нужно", mail.PlainText, StringComparison.Ordinal);
        Assert.Contains($"/Teacher/Applications/Details?id={id}", mail.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("соответствует", mail.PlainText, StringComparison.Ordinal);

        // The queue shows it waiting for the coordinator, uploaded by the operator.
        var waiting = await client.GetDocumentAsync("/Operator/Conclusions?show=Waiting");
        var row = waiting.QuerySelector($"#conclusions tr[data-id='{id}']")!;
        Assert.Contains("Прикреплено итоговое заключение оператором (Операторова Е. А.)", Text(row.QuerySelector(".conclusion")!), StringComparison.Ordinal);
        Assert.Contains("на бумаге", Text(row.QuerySelector(".conclusion")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_signatures_the_teacher_is_asked_to_sign_and_a_replacement_may_follow()
    {
        var (id, _) = await ScheduledAsync("unsigned");
        var @operator = await _desk.CreateOperatorAsync("unsigned.operator");
        using var client = await factory.SignInAsync("unsigned.operator");
        var mails = (await factory.SentMailsAsync()).Count;

        using var first = await UploadAsync(client, id, nameof(Conformity.DoesNotCorrespond), "", "скан.pdf", SampleFiles.Pdf("one"), signedByAll: false);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(ApplicationStatus.ConclusionUploaded, (await _desk.LoadAsync(id)).Status);
        var letter = Assert.Single((await factory.SentMailsAsync()).Skip(mails));
        Assert.Contains("в случае согласия распечатать и подписать его, а затем прикрепить подписанный скан", letter.PlainText, StringComparison.Ordinal);

        // The form offers the replacement with what was recorded.
        var form = await client.GetDocumentAsync(UploadUrl(id));
        Assert.Equal(nameof(Conformity.DoesNotCorrespond), form.FieldValue("Input.Recommendation"));
        Assert.Equal("Заменить итоговое заключение", Text(form.QuerySelector("#upload")!));
        using var second = await UploadAsync(client, id, nameof(Conformity.Corresponds), "", "скан2.pdf", SampleFiles.Pdf("two"));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var saved = await _desk.LoadAsync(id);
        Assert.Equal(ApplicationStatus.ConclusionSigned, saved.Status);
        Assert.Equal(Conformity.Corresponds, saved.Conclusion!.Recommendation);
        Assert.Contains(saved.Events, e => e.Kind == ApplicationEventKind.ConclusionReplaced && e.ActorId == @operator.Id
            && e.Description == "Итоговое заключение заменено: соответствует");
        var replaced = (await factory.SentMailsAsync()).Skip(mails + 1).Single();
        Assert.Contains("новое итоговое заключение специалистов по аттестации взамен прежнего", replaced.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_scan_is_refused_next_to_the_field_and_nothing_typed_is_lost()
    {
        var (id, _) = await ScheduledAsync("html");
        await _desk.CreateOperatorAsync("html.operator");
        using var client = await factory.SignInAsync("html.operator");
        var files = await _desk.StoredFileCountAsync();
        var before = await _desk.LoadAsync(id);
        var mails = (await factory.SentMailsAsync()).Count;

        using var response = await UploadAsync(client, id, nameof(Conformity.DoesNotCorrespond), "Набранный комментарий",
            "заключение.pdf", SampleFiles.Html(), signedByAll: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Допускаются только файлы PDF, JPEG или PNG: файл «заключение.pdf» не является ни одним из них.",
            page.FieldError("Input.Scan"));
        Assert.Equal(nameof(Conformity.DoesNotCorrespond), page.FieldValue("Input.Recommendation"));
        Assert.Equal("Набранный комментарий", page.FieldValue("Input.Comment"));
        Assert.Equal("", page.FieldValue("Input.SignedByAll"));
        var after = await _desk.LoadAsync(id);
        Assert.Equal((ApplicationStatus.Scheduled, before.LastEventNumber), (after.Status, after.LastEventNumber));
        Assert.Equal(files, await _desk.StoredFileCountAsync());
        Assert.Equal(mails, (await factory.SentMailsAsync()).Count);

        using var noChoice = await UploadAsync(client, id, recommendation: null, "", "скан.pdf", SampleFiles.Pdf());
        Assert.Equal("Выберите рекомендацию: соответствует или не соответствует заявленной квалификационной категории.",
            (await noChoice.ReadDocumentAsync()).FieldError("Input.Recommendation"));
        Assert.Equal(ApplicationStatus.Scheduled, (await _desk.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_signed_conclusion_cannot_be_replaced_and_an_application_outside_the_schedule_is_not_found()
    {
        var (id, expert) = await ScheduledAsync("locked");
        await _desk.ConcludeAsync(id, expert, Conformity.Corresponds, _desk.Now.AddDays(-1), SampleFiles.Pdf("expert's"), signed: true);
        var waiting = await _desk.ApplicationAsync("locked.waiting", Directory.Tomsk.Id, Directory.Lyceum.Id, _desk.Now.AddDays(-1));
        await _desk.CreateOperatorAsync("locked.operator");
        using var client = await factory.SignInAsync("locked.operator");
        var before = await _desk.LoadAsync(id);

        var page = await client.GetDocumentAsync(UploadUrl(id));
        Assert.Null(page.QuerySelector("#upload-form"));
        Assert.Contains("заменить заключение уже нельзя", Text(page.QuerySelector("#current")!), StringComparison.Ordinal);
        // A stale form posted anyway.
        var stale = await client.GetDocumentAsync(UploadUrl((await ScheduledAsync("locked.other")).Id));
        using var forged = await client.PostFormToAsync(stale, UploadUrl(id),
            new Dictionary<string, string> { ["Input.Recommendation"] = nameof(Conformity.DoesNotCorrespond) },
            [new ChosenFile("Input.Scan", "скан.pdf", SampleFiles.Pdf("forged"), "application/pdf")], formSelector: "#upload-form");

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(["Нельзя прикрепить итоговое заключение: статус заявления «Заключение подписано»."],
            (await forged.ReadDocumentAsync()).SummaryErrors());
        var after = await _desk.LoadAsync(id);
        Assert.Equal((before.LastEventNumber, Conformity.Corresponds), (after.LastEventNumber, after.Conclusion!.Recommendation));

        using var notScheduled = await client.GetAsync(UploadUrl(waiting));
        Assert.Equal(HttpStatusCode.NotFound, notScheduled.StatusCode);
        using var unknown = await client.GetAsync(UploadUrl(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
