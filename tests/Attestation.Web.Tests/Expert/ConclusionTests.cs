using System.Net;
using Attestation.Domain.Applications;
using Attestation.Domain.Names;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Areas.Expert.Pages;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Expert.ExpertCabinet;

namespace Attestation.Web.Tests.Expert;

/// <summary>
/// «Итоговое заключение»: the pre-filled template read back from the PDF, the upload of the signed scan with the
/// recommendation, the refusal of a file that is not a scan, and the pair working on one conclusion.
/// </summary>
public sealed class ConclusionTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly ExpertCabinet _cabinet = new(factory);

    private sealed record Pair(Guid Id, AppUser ExpertA, AppUser ExpertB, AppUser Teacher, DateOnly Start);

    private async Task<Pair> VisibleAssignmentAsync(string prefix)
    {
        var expertA = await _cabinet.CreateExpertAsync(prefix + ".a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync(prefix + ".b", "Орлова", "Ирина", "Олеговна", _cabinet.Directory.Lyceum);
        var teacher = await _cabinet.CreateTeacherAsync(prefix + ".t", "Пичугина", "Ольга", "Владимировна");
        var @operator = await _cabinet.CreateOperatorAsync(prefix + ".o");
        var start = _cabinet.NextOpenPeriodStart();
        var id = await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start);
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, @operator);
        return new Pair(id, expertA, expertB, teacher, start);
    }

    [Fact]
    public async Task The_template_names_the_teacher_the_claim_the_period_and_both_experts()
    {
        var pair = await VisibleAssignmentAsync("tpl");
        using var client = await factory.SignInAsync("tpl.a");

        using var response = await client.GetAsync(TemplateUrl(pair.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Итоговое заключение — Пичугина О. В.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        await SaveArtifactAsync("expert-conclusion-template.pdf", pdf);
        var text = await PdfReading.TextAsync(pdf);
        var period = new AttestationPeriod(pair.Start.Year, pair.Start.Month);
        Assert.Contains("ИТОГОВОЕ ЗАКЛЮЧЕНИЕ", text.ToUpperInvariant(), StringComparison.Ordinal);
        // Table cells come out of pdftotext in an order of their own: each value is looked for on its own.
        Assert.Contains("Пичугина Ольга Владимировна", text, StringComparison.Ordinal);
        Assert.Contains("учитель математики", text, StringComparison.Ordinal);
        Assert.Contains("Заявленная квалификационная категория", text, StringComparison.Ordinal);
        Assert.Contains("высшая", text, StringComparison.Ordinal);
        Assert.Contains("требованиям, предъявляемым к высшей квалификационной категории", text, StringComparison.Ordinal);
        Assert.Contains($"{period.Name} (с {Date(period.StartDate)} по {Date(period.EndDate)})", text, StringComparison.Ordinal);
        Assert.Contains("Фёдоров Алексей Николаевич", text, StringComparison.Ordinal);
        Assert.Contains("Орлова Ирина Олеговна", text, StringComparison.Ordinal);
        Assert.Contains("МАОУ гимназия № 6 г. Томска", text, StringComparison.Ordinal);
        Assert.Contains("уровень квалификации педагогического работника Пичугиной Ольги Владимировны соответствует / не соответствует",
            text, StringComparison.Ordinal);
        // Three signatures: both specialists and the attestee.
        Assert.Contains("/ Фёдоров А. Н. /", text, StringComparison.Ordinal);
        Assert.Contains("/ Орлова И. О. /", text, StringComparison.Ordinal);
        Assert.Contains("С итоговым заключением ознакомлена: / Пичугина О. В. /", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_names_the_teacher_as_he_corrected_his_genitive()
    {
        var pair = await VisibleAssignmentAsync("tpl.genitive");
        await using (var db = factory.OpenDb())
        {
            var teacher = await db.Users.SingleAsync(u => u.Id == pair.Teacher.Id);
            teacher.CorrectGenitive(new GenitiveCorrection("Пичугина Ольга Владимировна", "ПИЧУГИНОЙ Ольги Владимировны"));
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignInAsync("tpl.genitive.a");

        var text = await PdfReading.TextAsync(await client.DownloadAsync(TemplateUrl(pair.Id), "application/pdf"));

        Assert.Contains("педагогического работника ПИЧУГИНОЙ Ольги Владимировны соответствует", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_scan_with_a_recommendation_moves_the_application_to_conclusion_uploaded_and_into_its_history()
    {
        var pair = await VisibleAssignmentAsync("up");
        using var client = await factory.SignInAsync("up.a");
        var scan = SamplePdf.Bytes("Signed conclusion");

        var form = await client.GetDocumentAsync(ConclusionUrl(pair.Id));
        Assert.Equal(Date(pair.Start.AddMonths(1).AddDays(14)), form.QuerySelector("#due")!.TextContent.Trim());
        using var response = await UploadConclusionAsync(client, pair.Id, nameof(Conformity.DoesNotCorrespond),
            "Результаты не подтверждены в полном объёме.", "Заключение Пичугиной.pdf", scan);

        var page = await ExpectRedirectToAsync(client, response, AttesteeUrl(pair.Id));
        Assert.Equal("Итоговое заключение прикреплено. Аттестуемый увидит его в личном кабинете, распечатает, подпишет и прикрепит подписанный экземпляр.",
            StatusMessage(page));
        var saved = await _cabinet.LoadAsync(pair.Id);
        Assert.Equal(ApplicationStatus.ConclusionUploaded, saved.Status);
        Assert.Equal(Conformity.DoesNotCorrespond, saved.Conclusion!.Recommendation);
        Assert.Equal("Результаты не подтверждены в полном объёме.", saved.Conclusion.Comment);
        Assert.Equal(pair.ExpertA.Id, saved.Conclusion.UploadedBy);
        var last = saved.Events.MaxBy(e => e.Number)!;
        Assert.Equal(ApplicationEventKind.ConclusionAttached, last.Kind);
        Assert.Equal("Прикреплено итоговое заключение: не соответствует", last.Description);
        Assert.Equal((pair.ExpertA.Id, Roles.Expert), (last.ActorId, last.ActorRole));
        Assert.Equal((ApplicationStatus.Scheduled, ApplicationStatus.ConclusionUploaded), (last.FromStatus, last.ToStatus));
        await using (var db = factory.OpenDb())
        {
            var stored = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == saved.Conclusion.FileId);
            Assert.Equal(scan, stored.Content);
            Assert.Equal("Заключение Пичугиной.pdf", stored.FileName);
        }

        Assert.Equal("не соответствует", page.QuerySelector("#recommendation")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector($"#step-{ExpertProcedure.UploadConclusion}")!.GetAttribute("data-done"));
        var link = page.QuerySelector("#conclusion a")!.GetAttribute("href")!;
        using var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(scan, await download.Content.ReadAsByteArrayAsync());

        // The teacher now sees it in his cabinet.
        using var teacher = await factory.SignInAsync("up.t");
        var teacherPage = await teacher.GetDocumentAsync($"/Teacher/Applications/Details?id={pair.Id}");
        Assert.Contains("рекомендация: не соответствует", teacherPage.QuerySelector("#conclusion")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_web_page_is_refused_in_russian_and_nothing_chosen_or_typed_is_lost()
    {
        var pair = await VisibleAssignmentAsync("html");
        using var client = await factory.SignInAsync("html.a");
        var files = await _cabinet.StoredFileCountAsync();
        var before = await _cabinet.LoadAsync(pair.Id);

        using var response = await UploadConclusionAsync(client, pair.Id, nameof(Conformity.DoesNotCorrespond),
            "Комментарий, набранный перед загрузкой", "заключение.pdf", SamplePdf.Html());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Допускаются только файлы PDF, JPEG или PNG: файл «заключение.pdf» не является ни одним из них.",
            page.FieldError("Input.Scan"));
        Assert.Equal(nameof(Conformity.DoesNotCorrespond), page.FieldValue("Input.Recommendation"));
        Assert.Equal("Комментарий, набранный перед загрузкой", page.FieldValue("Input.Comment"));
        var after = await _cabinet.LoadAsync(pair.Id);
        Assert.Equal(ApplicationStatus.Scheduled, after.Status);
        Assert.Null(after.Conclusion);
        Assert.Equal(before.LastEventNumber, after.LastEventNumber);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
    }

    [Fact]
    public async Task A_recommendation_and_a_file_are_required()
    {
        var pair = await VisibleAssignmentAsync("req");
        using var client = await factory.SignInAsync("req.a");

        using var response = await client.SubmitMultipartFormAsync(ConclusionUrl(pair.Id),
            new Dictionary<string, string> { ["Input.Comment"] = "без файла", ["SignedByAll"] = "false", ["ConfirmBeforePeriod"] = "true" }, [], formSelector: "#upload-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Выберите рекомендацию: соответствует или не соответствует заявленной квалификационной категории.",
            page.FieldError("Input.Recommendation"));
        Assert.Equal("без файла", page.FieldValue("Input.Comment"));

        using var noFile = await client.SubmitMultipartFormAsync(ConclusionUrl(pair.Id),
            new Dictionary<string, string> { ["Input.Recommendation"] = nameof(Conformity.Corresponds), ["SignedByAll"] = "false", ["ConfirmBeforePeriod"] = "true" }, [],
            formSelector: "#upload-form");
        Assert.Equal("Выберите файл.", (await noFile.ReadDocumentAsync()).FieldError("Input.Scan"));
        Assert.Null((await _cabinet.LoadAsync(pair.Id)).Conclusion);
    }

    [Fact]
    public async Task Two_experts_uploading_at_once_never_replace_each_other_unseen()
    {
        // Ten races of the pair on ten applications: both open the empty form, then both send at the same moment.
        var expertA = await _cabinet.CreateExpertAsync("race.a", "Фёдоров", "Алексей", "Николаевич");
        var expertB = await _cabinet.CreateExpertAsync("race.b", "Орлова", "Ирина", "Олеговна", _cabinet.Directory.Lyceum);
        var start = _cabinet.NextOpenPeriodStart();
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var teacher = await _cabinet.CreateTeacherAsync($"race.t{i}", "Пичугина", "Ольга", "Владимировна");
            ids.Add(await _cabinet.ScheduledApplicationAsync(teacher, expertA, expertB, start));
        }
        await _cabinet.MakeVisibleAsync(start, _cabinet.Directory.Tomsk.Id, await _cabinet.CreateOperatorAsync("race.o"));
        var pair = new Pair(ids[0], expertA, expertB, null!, start);
        using var a = await factory.SignInAsync("race.a");
        using var b = await factory.SignInAsync("race.b");

        foreach (var id in ids)
        {
            var formA = await a.GetDocumentAsync(ConclusionUrl(id));
            var formB = await b.GetDocumentAsync(ConclusionUrl(id));
            Assert.Equal("Прикрепить итоговое заключение", formB.QuerySelector("#upload")!.TextContent.Trim());
            var sendA = a.SubmitMultipartFormAsync(formA, ConclusionUrl(id),
                new Dictionary<string, string> { ["Input.Recommendation"] = nameof(Conformity.Corresponds), ["SignedByAll"] = "false", ["ConfirmBeforePeriod"] = "true" },
                [new ChosenFile("Input.Scan", "скан-а.pdf", SamplePdf.Bytes("a"), "application/pdf")], "#upload-form");
            var sendB = b.SubmitMultipartFormAsync(formB, ConclusionUrl(id),
                new Dictionary<string, string> { ["Input.Recommendation"] = nameof(Conformity.DoesNotCorrespond), ["SignedByAll"] = "false", ["ConfirmBeforePeriod"] = "true" },
                [new ChosenFile("Input.Scan", "скан-б.pdf", SamplePdf.Bytes("b"), "application/pdf")], "#upload-form");
            using var answerA = await sendA;
            using var answerB = await sendB;

            // Exactly one conclusion went in, its history has one attachment and no replacement, and the one who
            // lost the race was told so (never «прикреплено»).
            var saved = await _cabinet.LoadAsync(id);
            Assert.Single(saved.Events, e => e.Kind == ApplicationEventKind.ConclusionAttached);
            Assert.DoesNotContain(saved.Events, e => e.Kind == ApplicationEventKind.ConclusionReplaced);
            var winner = saved.Conclusion!.UploadedBy == pair.ExpertA.Id ? answerA : answerB;
            var loser = winner == answerA ? answerB : answerA;
            Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
            var told = loser.StatusCode == HttpStatusCode.Redirect
                ? (await (loser == answerA ? a : b).GetDocumentAsync(loser.Headers.Location!.OriginalString)).QuerySelector("#refusal")?.TextContent
                : (await loser.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")?.TextContent;
            Assert.NotNull(told);
            Assert.DoesNotContain("прикреплено", told, StringComparison.OrdinalIgnoreCase);
        }

        // Having seen the conclusion, the loser may replace it on purpose: the form now names it.
        var last = ids[^1];
        var current = await _cabinet.LoadAsync(last);
        var other = current.Conclusion!.UploadedBy == pair.ExpertA.Id ? b : a;
        using (var replaced = await UploadConclusionAsync(other, last, nameof(Conformity.Corresponds), "по согласованию",
                   "скан-3.pdf", SamplePdf.Bytes("third")))
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var after = await _cabinet.LoadAsync(last);
        var replacement = after.Events.MaxBy(e => e.Number)!;
        Assert.Equal(ApplicationEventKind.ConclusionReplaced, replacement.Kind);
        Assert.Equal(current.Conclusion.FileId, replacement.FileId);
    }

    [Fact]
    public async Task The_second_expert_sees_the_conclusion_and_may_replace_it_until_the_teacher_signs()
    {
        var pair = await VisibleAssignmentAsync("pair");
        using (var a = await factory.SignInAsync("pair.a"))
        {
            using var uploaded = await UploadConclusionAsync(a, pair.Id, nameof(Conformity.Corresponds), null, "скан.pdf",
                SamplePdf.Bytes("first"));
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        using var b = await factory.SignInAsync("pair.b");
        var page = await b.GetDocumentAsync(AttesteeUrl(pair.Id));
        var card = page.QuerySelector("#conclusion")!.TextContent;
        Assert.Contains("прикреплено Фёдоров Алексей Николаевич", card, StringComparison.Ordinal);
        Assert.Equal("соответствует", page.QuerySelector("#recommendation")!.TextContent.Trim());
        using (var download = await b.GetAsync(page.QuerySelector("#conclusion a")!.GetAttribute("href")))
            Assert.Equal(SamplePdf.Bytes("first"), await download.Content.ReadAsByteArrayAsync());

        var form = await b.GetDocumentAsync(ConclusionUrl(pair.Id));
        Assert.Equal(nameof(Conformity.Corresponds), form.FieldValue("Input.Recommendation"));
        Assert.Equal("Заменить итоговое заключение", form.QuerySelector("#upload")!.TextContent.Trim());
        using (var replaced = await UploadConclusionAsync(b, pair.Id, nameof(Conformity.Corresponds), "исправлена опечатка",
                   "скан-2.pdf", SamplePdf.Bytes("second")))
        {
            var after = await ExpectRedirectToAsync(b, replaced, AttesteeUrl(pair.Id));
            Assert.Equal("Итоговое заключение заменено. Аттестуемый распечатает, подпишет и прикрепит подписанный экземпляр.", StatusMessage(after));
            Assert.Contains("прикреплено вами", after.QuerySelector("#conclusion")!.TextContent, StringComparison.Ordinal);
        }
        var saved = await _cabinet.LoadAsync(pair.Id);
        Assert.Equal(pair.ExpertB.Id, saved.Conclusion!.UploadedBy);
        Assert.Equal(ApplicationEventKind.ConclusionReplaced, saved.Events.MaxBy(e => e.Number)!.Kind);

        await _cabinet.SignAsync(pair.Id);
        var signedForm = await b.GetDocumentAsync(ConclusionUrl(pair.Id));
        Assert.Null(signedForm.QuerySelector("#upload-form"));
        Assert.Contains("заменить заключение уже нельзя", signedForm.QuerySelector("#current")!.TextContent, StringComparison.Ordinal);

        // A tab left open before the signature: the domain refuses, the page says why, nothing changes.
        using var late = await b.PostFormToAsync(form, ConclusionUrl(pair.Id),
            new Dictionary<string, string> { ["Input.Recommendation"] = nameof(Conformity.DoesNotCorrespond), ["SignedByAll"] = "false", ["ConfirmBeforePeriod"] = "true" },
            [new ChosenFile("Input.Scan", "скан-3.pdf", SamplePdf.Bytes("third"), "application/pdf")], formSelector: "#upload-form");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Нельзя прикрепить итоговое заключение: статус заявления «Заключение подписано».",
            (await late.ReadDocumentAsync()).SummaryErrors());
        var final = await _cabinet.LoadAsync(pair.Id);
        Assert.Equal(ApplicationStatus.ConclusionSigned, final.Status);
        Assert.Equal(Conformity.Corresponds, final.Conclusion!.Recommendation);
    }

    private static async Task SaveArtifactAsync(string name, byte[] pdf)
    {
        var directory = Path.Combine(
            Environment.GetEnvironmentVariable("ARTIFACTS_DIR") ?? Path.Combine(Path.GetTempPath(), "attestation-artifacts"),
            "documents");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), pdf);
    }
}
