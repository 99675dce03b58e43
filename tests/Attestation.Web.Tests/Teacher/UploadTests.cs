using System.Net;
using System.Security.Cryptography;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Teacher;

/// <summary>Documents attached on the application form: checked by their bytes, refused without losing what was typed.</summary>
public sealed class UploadTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private static string NotAcceptedType(string fileName) =>
        $"Допускаются только файлы PDF, JPEG или PNG: файл «{fileName}» не является ни одним из них.";

    private readonly TeacherCabinet _cabinet = new(factory);

    public static TheoryData<string, string, byte[], string> Refused => new()
    {
        { "html", "скан заявления.pdf", SampleFiles.Html(), NotAcceptedType("скан заявления.pdf") },
        { "empty", "скан.pdf", [], "Файл пуст." },
        { "elf", "scan.pdf", SampleFiles.Elf(), NotAcceptedType("scan.pdf") },
        { "exe", "setup.exe", SampleFiles.Mz(), NotAcceptedType("setup.exe") },
    };

    [Fact]
    public async Task A_real_pdf_is_attached_listed_and_downloaded_as_it_was()
    {
        var teacher = await _cabinet.CreateTeacherAsync("upload.pdf");
        using var client = await factory.SignInAsync("upload.pdf");
        var id = await SaveDraftAsync(client, CompleteForm());
        var pdf = SampleFiles.Pdf();

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.SignedApplication, "Скан заявления.pdf", pdf,
            new Dictionary<string, string> { ["Input.Awards"] = "Грамота, набранная перед загрузкой" });

        Assert.Equal(id, await ExpectEditRedirectAsync(response));
        var saved = await _cabinet.LoadAsync(id);
        var document = Assert.Single(saved.Documents);
        Assert.Equal(ApplicationDocumentKind.SignedApplication, document.Kind);
        Assert.Equal("Скан заявления.pdf", document.FileName);
        Assert.Equal(teacher.Id, document.UploadedBy);
        // Every button saves the typed fields first.
        Assert.Equal("Грамота, набранная перед загрузкой", saved.Awards);
        Assert.Contains(saved.Events, e => e.Description == $"Прикреплён документ «{SignedScan}»: Скан заявления.pdf");
        await using (var db = factory.OpenDb())
        {
            var stored = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == document.FileId);
            Assert.Equal(pdf, stored.Content);
            Assert.Equal(SHA256.HashData(pdf), stored.Sha256);
            Assert.Equal("application/pdf", stored.ContentType);
            Assert.Equal(teacher.Id, stored.CreatedBy);
        }

        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.Equal($"Документ «{SignedScan}» прикреплён.", StatusMessage(page));
        var link = page.QuerySelector("#documents li a")!;
        Assert.Equal("Скан заявления.pdf", link.TextContent.Trim());
        Assert.Contains(SignedScan, page.QuerySelector("#documents li")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("не прикреплён документ", page.QuerySelector("#submission-problems")?.TextContent ?? "",
            StringComparison.Ordinal);

        using var download = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_png_named_pdf_is_kept_as_a_png()
    {
        await _cabinet.CreateTeacherAsync("upload.png");
        using var client = await factory.SignInAsync("upload.png");
        var id = await SaveDraftAsync(client, CompleteForm());

        await AttachAsync(client, id, ApplicationDocumentKind.Other, "фото.pdf", SampleFiles.Png());

        var document = Assert.Single((await _cabinet.LoadAsync(id)).Documents);
        Assert.Equal("фото.png", document.FileName);
        using var download = await client.GetAsync(FileUrl(id, document.FileId));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_first_upload_of_a_new_application_saves_the_draft_with_the_document()
    {
        var teacher = await _cabinet.CreateTeacherAsync("upload.new");
        using var client = await factory.SignInAsync("upload.new");
        var form = CompleteForm();
        form["UploadKind"] = nameof(ApplicationDocumentKind.SignedApplication);

        using var response = await client.SubmitMultipartFormAsync(NewApplicationUrl, form,
            [new ChosenFile("Upload", "скан.pdf", SampleFiles.Pdf(), "application/pdf")], submitter: "upload");

        var id = await ExpectEditRedirectAsync(response);
        var saved = Assert.Single(await _cabinet.ApplicationsOfAsync(teacher.Id));
        Assert.Equal(id, saved.Id);
        Assert.Equal(2005, saved.EducationYear);
        Assert.Single(saved.Documents);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_is_explained_next_to_the_file_field_and_nothing_typed_is_lost(
        string kind, string fileName, byte[] content, string message)
    {
        var login = "upload.refused." + kind;
        await _cabinet.CreateTeacherAsync(login);
        using var client = await factory.SignInAsync(login);
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        var before = await _cabinet.LoadAsync(id);
        var files = await _cabinet.StoredFileCountAsync();
        var typed = new Dictionary<string, string>
        {
            ["Input.Awards"] = "Почётная грамота, набранная перед загрузкой",
            ["Input.EducationYear"] = "2007",
            ["Input.ClaimedCategory"] = "Highest",
            ["Input.Form"] = "Distance",
            ["Input.LessonRecordingLink1"] = "https://video.example.org/1",
        };

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.ResultsDescription, fileName, content, typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.FieldError("Upload"));
        foreach (var (name, value) in typed)
            Assert.Equal(value, page.FieldValue(name));
        Assert.Equal(nameof(ApplicationDocumentKind.ResultsDescription), page.FieldValue("UploadKind"));
        Assert.Equal(CompleteForm()["Input.ResultsGrounds"], page.FieldValue("Input.ResultsGrounds"));
        Assert.Contains("скан.pdf", page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);

        var after = await _cabinet.LoadAsync(id);
        Assert.Equal([ApplicationDocumentKind.SignedApplication], after.Documents.Select(d => d.Kind));
        Assert.Null(after.Awards);
        Assert.Equal(2005, after.EducationYear);
        Assert.Equal(before.LastEventNumber, after.LastEventNumber);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
    }

    [Fact]
    public async Task A_refused_file_on_a_new_application_creates_nothing()
    {
        var teacher = await _cabinet.CreateTeacherAsync("upload.refused.new");
        using var client = await factory.SignInAsync("upload.refused.new");
        var form = CompleteForm();
        form["UploadKind"] = nameof(ApplicationDocumentKind.SignedApplication);

        using var response = await client.SubmitMultipartFormAsync(NewApplicationUrl, form,
            [new ChosenFile("Upload", "скан.pdf", SampleFiles.Html(), "application/pdf")], submitter: "upload");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(NotAcceptedType("скан.pdf"), page.FieldError("Upload"));
        Assert.Equal("2005", page.FieldValue("Input.EducationYear"));
        Assert.Equal("true", page.FieldValue("Input.PersonalDataConsent"));
        Assert.Empty(await _cabinet.ApplicationsOfAsync(teacher.Id));
    }

    [Fact]
    public async Task Attaching_with_no_file_chosen_asks_for_a_file()
    {
        await _cabinet.CreateTeacherAsync("upload.none");
        using var client = await factory.SignInAsync("upload.none");
        var id = await SaveDraftAsync(client, CompleteForm());

        using var response = await client.SubmitMultipartFormAsync(EditUrl(id), new Dictionary<string, string>(), [],
            submitter: "upload");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Выберите файл.", (await response.ReadDocumentAsync()).FieldError("Upload"));
        Assert.Empty((await _cabinet.LoadAsync(id)).Documents);
    }

    [Fact]
    public async Task A_document_can_be_removed_and_its_file_is_no_longer_served()
    {
        await _cabinet.CreateTeacherAsync("upload.remove");
        using var client = await factory.SignInAsync("upload.remove");
        var id = await SaveDraftAsync(client, CompleteForm());
        await AttachAsync(client, id, ApplicationDocumentKind.ResultsDescription, "результаты.pdf", SampleFiles.Pdf());
        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", SampleFiles.Pdf());
        var documents = (await _cabinet.LoadAsync(id)).Documents;
        var removed = documents.Single(d => d.Kind == ApplicationDocumentKind.ResultsDescription);

        using var response = await client.SubmitFormAsync(EditUrl(id), new Dictionary<string, string>(),
            submitter: $"remove-{removed.Id}");

        Assert.Equal(id, await ExpectEditRedirectAsync(response));
        var after = await _cabinet.LoadAsync(id);
        Assert.Equal([ApplicationDocumentKind.SignedApplication], after.Documents.Select(d => d.Kind));
        Assert.Equal("Удалён документ «Описание результатов профессиональной деятельности»: результаты.pdf",
            after.Events.MaxBy(e => e.Number)!.Description);
        var page = await client.GetDocumentAsync(EditUrl(id));
        Assert.Equal("Документ удалён.", StatusMessage(page));
        Assert.DoesNotContain("результаты.pdf", page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);
        using var download = await client.GetAsync(FileUrl(id, removed.FileId));
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }
}
