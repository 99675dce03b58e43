using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Storage;
using Attestation.Web.Tests.Operator;
using Attestation.Web.Tests.Operator.Directories;
using Attestation.Web.Tests.Teacher;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Storage;

/// <summary>
/// Uploads through the real pages with the antivirus on: the teacher's document in a draft (the PDF path) and the
/// operator's Excel import (the workbook path). An infected file is refused next to the file field with what was typed
/// kept; a clean one is stored; with clamd away nothing is stored unscanned.
/// </summary>
public sealed class UploadScanTests(PortalWithAntivirusFactory factory) : IClassFixture<PortalWithAntivirusFactory>, IDisposable
{
    private static readonly string[] OrganisationsHeader =
        ["Муниципальное образование", "Полное наименование", "Краткое наименование", "СПО (да/нет)"];

    private readonly TeacherCabinet _cabinet = new(factory);

    public void Dispose()
    {
        factory.Clamd.Start();
        factory.Clamd.Behaviour = FakeClamdBehaviour.Answer;
    }

    private static Dictionary<string, string> Typed() => new()
    {
        ["Input.Awards"] = "Почётная грамота, набранная перед загрузкой",
        ["Input.EducationYear"] = "2007",
    };

    private List<string> LinesOf(LogLevel level) =>
        [.. factory.Log.Lines.Where(line => line.Level == level).Select(line => line.Message)];

    [Fact]
    public async Task An_infected_document_is_refused_next_to_the_file_field_logged_and_not_stored()
    {
        await _cabinet.CreateTeacherAsync("scan.infected");
        using var client = await factory.SignInAsync("scan.infected");
        var id = await SaveDraftAsync(client, CompleteForm());
        var files = await _cabinet.StoredFileCountAsync();

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан заявления.pdf",
            Eicar.InPdf(), Typed());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Файл «скан заявления.pdf» не принят: в нём найден вирус (Eicar-Test-Signature). "
            + "Проверьте компьютер антивирусом и загрузите файл заново.", page.FieldError("Upload"));
        foreach (var (name, value) in Typed())
            Assert.Equal(value, page.FieldValue(name));
        var after = await _cabinet.LoadAsync(id);
        Assert.Empty(after.Documents);
        Assert.Null(after.Awards);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
        Assert.Contains("Upload refused: virus Eicar-Test-Signature found in «скан заявления.pdf» "
            + $"({Eicar.InPdf().Length} bytes) uploaded by scan.infected", LinesOf(LogLevel.Warning));
    }

    [Fact]
    public async Task A_clean_document_is_scanned_and_stored()
    {
        await _cabinet.CreateTeacherAsync("scan.clean");
        using var client = await factory.SignInAsync("scan.clean");
        var id = await SaveDraftAsync(client, CompleteForm());
        var pdf = SampleFiles.Pdf("Scanned and clean");

        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf", pdf);

        Assert.Contains(factory.Clamd.Streams, stream => stream.SequenceEqual(pdf));
        var document = Assert.Single((await _cabinet.LoadAsync(id)).Documents);
        await using var db = factory.OpenDb();
        Assert.Equal(pdf, (await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == document.FileId)).Content);
    }

    [Fact]
    public async Task With_clamd_unreachable_the_document_is_refused_and_nothing_is_stored_unscanned()
    {
        await _cabinet.CreateTeacherAsync("scan.away");
        using var client = await factory.SignInAsync("scan.away");
        var id = await SaveDraftAsync(client, CompleteForm());
        var files = await _cabinet.StoredFileCountAsync();
        factory.Clamd.Stop();

        using var response = await UploadAsync(client, id, ApplicationDocumentKind.SignedApplication, "скан.pdf",
            SampleFiles.Pdf(), Typed());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Проверка файла на вирусы сейчас недоступна; файл не сохранён — попробуйте позже.", page.FieldError("Upload"));
        Assert.Equal(Typed()["Input.Awards"], page.FieldValue("Input.Awards"));
        Assert.Empty((await _cabinet.LoadAsync(id)).Documents);
        Assert.Equal(files, await _cabinet.StoredFileCountAsync());
        var line = Assert.Single(factory.Log.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("by scan.away", StringComparison.Ordinal));
        Assert.IsType<ClamdException>(line.Exception);
    }

    [Fact]
    public async Task An_infected_Excel_import_is_refused_before_its_preview_and_not_kept()
    {
        var desk = new OperatorDesk(factory);
        using var client = await desk.SignInOperatorAsync("scan.import.operator");

        using var response = await client.SubmitMultipartFormAsync("/Operator/Directories/Import/Organisations",
            new Dictionary<string, string>(), [ImportFiles.Upload(Eicar.File(), "организации.xlsx")], "form#preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(VirusScanner.InfectedMessage("организации.xlsx", Eicar.Signature), page.FieldError("Upload"));
        Assert.Equal(0, await desk.StoredFilesOfAsync("scan.import.operator"));
    }

    [Fact]
    public async Task A_clean_Excel_import_is_scanned_and_previewed()
    {
        var desk = new OperatorDesk(factory);
        using var client = await desk.SignInOperatorAsync("scan.import.clean.operator");
        var workbook = ImportFiles.Workbook(OrganisationsHeader, ["г. Томск", "МАОУ СОШ № 40 г. Томска", "СОШ № 40", "нет"]);

        using var response = await client.SubmitMultipartFormAsync("/Operator/Directories/Import/Organisations",
            new Dictionary<string, string>(), [ImportFiles.Upload(workbook)], "form#preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadDocumentAsync()).FieldErrors());
        Assert.Contains(factory.Clamd.Streams, stream => stream.SequenceEqual(workbook));
        Assert.Equal(1, await desk.StoredFilesOfAsync("scan.import.clean.operator"));
    }
}
