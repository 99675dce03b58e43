using System.Net;
using Attestation.Testing;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Tests.Teacher;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Directories;

/// <summary>
/// The import of organisations from Excel: a template, a preview that names every bad row in Russian, and a save that
/// takes all rows or none.
/// </summary>
public sealed class OrganisationImportTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Operator/Directories/Import/Organisations";

    private static readonly string[] Header = ["Муниципальное образование", "Полное наименование", "Краткое наименование", "СПО (да/нет)"];

    private readonly OperatorDesk _desk = new(factory);

    [Fact]
    public async Task The_template_downloads_as_a_workbook_with_the_headers_an_example_and_column_widths()
    {
        using var client = await _desk.SignInOperatorAsync("import.org.template.operator");

        using var response = await client.GetAsync($"{Url}?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Spreadsheet.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Шаблон загрузки организаций.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var book = ImportFiles.Open(await response.Content.ReadAsByteArrayAsync());
        var sheet = book.Worksheet(1);
        Assert.Equal("Организации", sheet.Name);
        Assert.Equal(Header, Enumerable.Range(1, 4).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(["г. Пример", "МАОУ «Средняя общеобразовательная школа № 0» г. Примера", "МАОУ СОШ № 0", "нет"],
            Enumerable.Range(1, 4).Select(c => sheet.Cell(2, c).GetString()));
        Assert.Equal([30.0, 60, 24, 14], Enumerable.Range(1, 4).Select(c => sheet.Column(c).Width));
        var help = book.Worksheet("Справка");
        var names = help.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("Город Томск (г. Томск)", names);
        Assert.Contains("Томский район", names);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_saves_nothing_and_the_preview_names_the_row_in_russian()
    {
        var before = await _desk.CountAsync(db => db.Organisations);
        using var client = await _desk.SignInOperatorAsync("import.org.bad.operator");
        var file = ImportFiles.Workbook(Header,
            ["г. Томск", "МАОУ СОШ № 40 г. Томска", "СОШ № 40", "нет"],
            ["Томский район", "МБОУ «Зональненская СОШ» Томского района", "", ""],
            ["Зырянский район", "МБОУ «Зырянская СОШ»", "", "нет"],
            ["г. Томск", "ОГБПОУ «Томский политехнический техникум»", "ТПТ", "может быть"]);

        using var response = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(file)], "form#preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("Ничего не сохранено.", Text(page.QuerySelector("#not-saved")!), StringComparison.Ordinal);
        Assert.Equal(
            [
                ["4", "Муниципальное образование", "Муниципальное образование «Зырянский район» не найдено в справочнике."],
                ["5", "СПО (да/нет)", "Укажите «да» или «нет», а не «может быть»."],
            ],
            page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()));
        Assert.Null(page.QuerySelector("form#save"));
        Assert.Equal(4, page.QuerySelectorAll("#rows tbody tr").Length);
        Assert.Equal(before, await _desk.CountAsync(db => db.Organisations));
        Assert.Equal(0, await _desk.StoredFilesOfAsync("import.org.bad.operator"));
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_saved_whole_and_its_staged_copy_removed()
    {
        using var client = await _desk.SignInOperatorAsync("import.org.good.operator");
        var file = ImportFiles.Workbook(Header,
            ["г. Пример", "МАОУ «Средняя общеобразовательная школа № 0» г. Примера", "МАОУ СОШ № 0", "нет"],
            ["г. Томск", "МАОУ СОШ № 41 г. Томска", "СОШ № 41", "нет"],
            ["город томск", "ОГБПОУ «Томский техникум железнодорожного транспорта»", "ТТЖТ", "да"],
            ["", "", "", ""],
            ["Томский район", "МБОУ «Мирненская СОШ» Томского района", "", ""]);

        using var preview = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(file, "организации.xlsx")], "form#preview");

        var page = await preview.ReadDocumentAsync();
        Assert.Null(page.QuerySelector("#problems"));
        Assert.Equal("Организаций в файле: 3. Строка-пример из шаблона (строка 2) пропущена.", Text(page.QuerySelector("#summary")!));
        Assert.Equal(["3", "4", "6"], page.QuerySelectorAll("#rows tbody tr td:first-child").Select(Text));
        Assert.Equal(0, await _desk.CountAsync(db => db.Organisations.Where(o => o.Name == "МАОУ СОШ № 41 г. Томска")));
        Assert.Equal(1, await _desk.StoredFilesOfAsync("import.org.good.operator"));

        using var saved = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), "form#save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Operator/Directories/Organisations", saved.RedirectPath());
        var list = await client.GetDocumentAsync("/Operator/Directories/Organisations");
        Assert.Equal("Загружено организаций: 3.", StatusMessage(list));
        await using var db = factory.OpenDb();
        var imported = await db.Organisations.AsNoTracking()
            .Where(o => o.Name == "МАОУ СОШ № 41 г. Томска" || o.Name.StartsWith("ОГБПОУ «Томский техникум ж") || o.Name.StartsWith("МБОУ «Мирненская"))
            .OrderBy(o => o.Name)
            .Select(o => new { o.MunicipalityId, o.ShortName, o.IsVocational })
            .ToListAsync();
        Assert.Equal(
            [new { MunicipalityId = factory.Directory.Tomsk.Id, ShortName = (string?)"СОШ № 41", IsVocational = false },
                new { MunicipalityId = factory.Directory.District.Id, ShortName = (string?)null, IsVocational = false },
                new { MunicipalityId = factory.Directory.Tomsk.Id, ShortName = (string?)"ТТЖТ", IsVocational = true }],
            imported);
        Assert.Equal(0, await _desk.StoredFilesOfAsync("import.org.good.operator"));

        // The same file again: every row is now a duplicate.
        using var again = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(), [ImportFiles.Upload(file)], "form#preview");
        var repeated = await again.ReadDocumentAsync();
        Assert.Equal(3, repeated.QuerySelectorAll("#problems tbody tr").Length);
        Assert.Equal("Организация «МАОУ СОШ № 41 г. Томска» уже есть в справочнике в муниципалитете «г. Томск».",
            Text(repeated.QuerySelectorAll("#problems tbody tr")[0].QuerySelectorAll("td")[2]));
    }

    [Fact]
    public async Task The_save_checks_the_file_again_and_saves_nothing_if_the_directory_changed_since_the_preview()
    {
        using var client = await _desk.SignInOperatorAsync("import.org.recheck.operator");
        var file = ImportFiles.Workbook(Header,
            ["Томский район", "МБОУ «Рыбаловская СОШ» Томского района", "", "нет"],
            ["Томский район", "МБОУ «Семилуженская СОШ» Томского района", "", "нет"]);
        using var preview = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(), [ImportFiles.Upload(file)], "form#preview");
        var page = await preview.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("form#save"));

        await using (var db = factory.OpenDb())
        {
            db.Organisations.Add(new Domain.Directory.Organisation(factory.Directory.District.Id, "МБОУ «Семилуженская СОШ» Томского района"));
            await db.SaveChangesAsync();
        }
        using var save = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), "form#save");

        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var result = await save.ReadDocumentAsync();
        Assert.Equal(["3", "Полное наименование", "Организация «МБОУ «Семилуженская СОШ» Томского района» уже есть в справочнике в муниципалитете «Томский район»."],
            result.QuerySelectorAll("#problems tbody tr").Single().QuerySelectorAll("td").Select(Text));
        Assert.Equal(0, await _desk.CountAsync(db => db.Organisations.Where(o => o.Name == "МБОУ «Рыбаловская СОШ» Томского района")));
        Assert.Equal(0, await _desk.StoredFilesOfAsync("import.org.recheck.operator"));
    }

    [Fact]
    public async Task A_previewed_file_can_be_saved_only_by_the_operator_who_uploaded_it()
    {
        using var first = await _desk.SignInOperatorAsync("import.org.owner.operator");
        using var second = await _desk.SignInOperatorAsync("import.org.other.operator");
        var file = ImportFiles.Workbook(Header, ["Томский район", "МБОУ «Кафтанчиковская СОШ» Томского района", "", "нет"]);
        using var preview = await first.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(), [ImportFiles.Upload(file)], "form#preview");
        var fileId = (await preview.ReadDocumentAsync()).FieldValue("FileId");

        var othersPage = await second.GetDocumentAsync(Url);
        using var save = await second.PostFormToAsync(othersPage, $"{Url}?handler=Save",
            new Dictionary<string, string> { ["FileId"] = fileId }, formSelector: "form#preview");

        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Equal(["Загруженный файл не найден: он уже сохранён или отменён. Загрузите файл снова."],
            (await save.ReadDocumentAsync()).SummaryErrors());
        Assert.Equal(0, await _desk.CountAsync(db => db.Organisations.Where(o => o.Name == "МБОУ «Кафтанчиковская СОШ» Томского района")));
        Assert.Equal(1, await _desk.CountAsync(db => db.StoredFiles.Where(f => f.Id == Guid.Parse(fileId))));
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_workbook_is_refused_in_russian()
    {
        using var client = await _desk.SignInOperatorAsync("import.org.notxlsx.operator");

        using var pdf = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(SampleFiles.Pdf(), "организации.xlsx")], "form#preview");
        Assert.Equal("Файл не является книгой Excel в формате .xlsx. Сохраните его в Excel как «Книга Excel (*.xlsx)» и загрузите снова.",
            (await pdf.ReadDocumentAsync()).FieldError("Upload"));

        // A ZIP that is not a workbook starts with the same four bytes.
        using var zipStream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipStream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("readme.txt").Open();
            await entry.WriteAsync("not a workbook"u8.ToArray());
        }
        using var notBook = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(zipStream.ToArray())], "form#preview");
        Assert.StartsWith("Файл не является книгой Excel", (await notBook.ReadDocumentAsync()).FieldError("Upload"), StringComparison.Ordinal);

        using var wrongHeader = await client.SubmitMultipartFormAsync(Url, new Dictionary<string, string>(),
            [ImportFiles.Upload(ImportFiles.Workbook(["ОО", "Район"], ["МБОУ СОШ", "Томский район"]))], "form#preview");
        Assert.StartsWith("В первой строке листа «Лист1» должны быть заголовки шаблона: «Муниципальное образование», «Полное наименование»",
            (await wrongHeader.ReadDocumentAsync()).FieldError("Upload"), StringComparison.Ordinal);
        Assert.Equal(0, await _desk.StoredFilesOfAsync("import.org.notxlsx.operator"));
    }
}
