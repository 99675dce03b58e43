using System.Net;
using Attestation.Testing;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>«Распечатать заявление»: the filled application as a PDF, read back with poppler's pdftotext.</summary>
public sealed class PrintTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    [Fact]
    public async Task The_printed_application_is_a_pdf_with_the_teachers_name_organisation_and_claim()
    {
        await _cabinet.CreateTeacherAsync("print.teacher", user =>
        {
            user.LastName = "Пичугина";
            user.FirstName = "Олеся";
            user.MiddleName = "Владимировна";
        });
        using var client = await factory.SignInAsync("print.teacher");
        var form = CompleteForm();
        form["Input.ClaimedCategory"] = "Highest";
        form["Input.CurrentCategory"] = "First";
        form["Input.CurrentCategoryDecisionNumber"] = "1234-р";
        form["Input.CurrentCategoryDecisionDate"] = "2024-05-20";
        var id = await SaveDraftAsync(client, form);
        var details = await client.GetDocumentAsync(EditUrl(id));
        Assert.NotNull(details.QuerySelector($"a[href='{PrintUrl(id)}']"));

        using var response = await client.GetAsync(PrintUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Заявление на аттестацию — Пичугина Олеся Владимировна.pdf",
            response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = await PdfReading.TextAsync(pdf);
        Assert.Contains("В аттестационную комиссию Департамента общего образования Томской области от Пичугиной Олеси Владимировны",
            text, StringComparison.Ordinal);
        Assert.Contains("тел. +7 913 000-00-00, эл. почта print.teacher@example.org", text, StringComparison.Ordinal);
        Assert.Contains($"{factory.Directory.Lyceum.Name}, {factory.Directory.Tomsk.Name}", text, StringComparison.Ordinal);
        Assert.Contains("на высшую квалификационную категорию по должности «учитель математики»", text, StringComparison.Ordinal);
        Assert.Contains("Имею первую квалификационную категорию (распоряжение № 1234-р от 20.05.2024).", text,
            StringComparison.Ordinal);
        Assert.Contains("Томский государственный педагогический университет, 2005 г.", text, StringComparison.Ordinal);
        Assert.Contains("/ Пичугина О. В. /", text, StringComparison.Ordinal);
        // A4 portrait, as Chromium rounds it.
        var (width, height) = await PdfReading.PageSizeAsync(pdf);
        Assert.InRange(width, 594, 597);
        Assert.InRange(height, 841, 844);
    }

    [Fact]
    public async Task A_submitted_application_can_still_be_printed()
    {
        await _cabinet.CreateTeacherAsync("print.submitted");
        using var client = await factory.SignInAsync("print.submitted");
        var id = await _cabinet.SubmittedApplicationAsync(client);

        using var response = await client.GetAsync(PrintUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfReading.TextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("от Проверкиной Анны Сергеевны", text, StringComparison.Ordinal);
        Assert.Contains("на первую квалификационную категорию", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_genitive_the_teacher_corrected_in_his_profile_is_printed()
    {
        await _cabinet.CreateTeacherAsync("print.corrected", user =>
        {
            user.LastName = "Калина";
            user.FirstName = "Анна";
            user.MiddleName = "Сергеевна";
        });
        using var client = await factory.SignInAsync("print.corrected");
        var id = await SaveDraftAsync(client, CompleteForm());
        Assert.Contains("от Калиной Анны Сергеевны", await PrintedTextAsync(client, id), StringComparison.Ordinal);

        using var saved = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = "Калины Анны Сергеевны" },
            "main form[action$='handler=Genitive']", submitter: "save-genitive");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("от Калины Анны Сергеевны", await PrintedTextAsync(client, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_made_for_an_earlier_name_is_not_printed_for_the_new_one()
    {
        await _cabinet.CreateTeacherAsync("print.renamed", user =>
        {
            user.LastName = "Калина";
            user.FirstName = "Анна";
            user.MiddleName = "Сергеевна";
        });
        using var client = await factory.SignInAsync("print.renamed");
        using (var saved = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Genitive.FullName"] = "Калины Анны Сергеевны" },
            "main form[action$='handler=Genitive']", submitter: "save-genitive"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var before = await SaveDraftAsync(client, CompleteForm());

        // She marries: the profile and her next application carry the new name.
        using (var renamed = await client.SubmitFormAsync(ProfileUrl,
            new Dictionary<string, string> { ["Input.LastName"] = "Соколова" }, "main form[method=post]", submitter: "save-profile"))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var after = await SaveDraftAsync(client, CompleteForm());

        Assert.Contains("от Соколовой Анны Сергеевны", await PrintedTextAsync(client, after), StringComparison.Ordinal);
        // The application filled in before the change keeps the old name and the correction written for it.
        Assert.Contains("от Калины Анны Сергеевны", await PrintedTextAsync(client, before), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_methodists_claim_says_the_employers_petition_is_attached_and_lists_the_attachments()
    {
        await _cabinet.CreateTeacherAsync("print.methodist");
        using var client = await factory.SignInAsync("print.methodist");
        var form = CompleteForm();
        form["Input.ClaimedCategory"] = "Methodist";
        form["Input.CurrentCategory"] = "Highest";
        var id = await SaveDraftAsync(client, form);
        await AttachAsync(client, id, Domain.Applications.ApplicationDocumentKind.EmployerPetition, "ходатайство.pdf", SampleFiles.Pdf());
        await AttachAsync(client, id, Domain.Applications.ApplicationDocumentKind.ResultsDescription, "описание.pdf", SampleFiles.Pdf());
        await AttachAsync(client, id, Domain.Applications.ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());

        var text = await PrintedTextAsync(client, id);

        Assert.Contains("на квалификационную категорию «педагог-методист» по должности «учитель математики»", text, StringComparison.Ordinal);
        Assert.Contains("К заявлению прилагается ходатайство работодателя.", text, StringComparison.Ordinal);
        Assert.Contains("Приложения: 1. Описание результатов профессиональной деятельности 2. Ходатайство работодателя С Порядком",
            text, StringComparison.Ordinal);
        Assert.DoesNotContain(SignedScan, text, StringComparison.Ordinal);
    }

    private static async Task<string> PrintedTextAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(PrintUrl(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PdfReading.TextAsync(await response.Content.ReadAsByteArrayAsync());
    }
}
