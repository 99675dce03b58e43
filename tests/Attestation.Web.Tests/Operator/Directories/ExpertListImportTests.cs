using System.Net;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Directories;

/// <summary>The approved experts list of a school year, imported from Excel with the number and date of its order.</summary>
public sealed class ExpertListImportTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private const string Url = "/Operator/Directories/Import/Experts";

    private static readonly string[] Header = ["Логин или адрес электронной почты", "Муниципальное образование", "Предмет", "Должность"];

    private readonly OperatorDesk _desk = new(factory);

    private SchoolYear Year => SchoolYear.Containing(_desk.Today);

    [Fact]
    public async Task The_template_downloads_with_the_headers_and_the_directory_values_to_copy()
    {
        using var client = await _desk.SignInOperatorAsync("import.exp.template.operator");

        using var response = await client.GetAsync($"{Url}?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = ImportFiles.Open(await response.Content.ReadAsByteArrayAsync());
        var sheet = book.Worksheet(1);
        Assert.Equal("Специалисты", sheet.Name);
        Assert.Equal(Header, Enumerable.Range(1, 4).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal("ivanova.example@example.ru", sheet.Cell(2, 1).GetString());
        Assert.All(Enumerable.Range(1, 4), c => Assert.True(sheet.Column(c).Width >= 20));
        var values = book.Worksheet("Справка").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("математики", values);
        Assert.Contains("Учитель", values);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_saves_nothing_and_names_each_problem_in_russian()
    {
        var expert = await _desk.CreateExpertAsync("import.exp.bad.expert", "Экспертова");
        await _desk.CreateTeacherAsync("import.exp.bad.teacher", factory.Directory.Tomsk.Id, factory.Directory.Lyceum.Id);
        using var client = await _desk.SignInOperatorAsync("import.exp.bad.operator");
        var file = ImportFiles.Workbook(Header,
            ["import.exp.bad.expert", "г. Томск", "математики", "Учитель"],
            ["import.exp.bad.teacher", "г. Томск", "", ""],
            ["nobody.here@example.org", "Томский район", "", ""],
            ["IMPORT.EXP.BAD.EXPERT@example.org", "г. Томск", "химии", ""]);

        using var response = await client.SubmitMultipartFormAsync(Url, Order(), [ImportFiles.Upload(file)], "form#preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            [
                ["3", "Логин или адрес электронной почты", "Пользователь «import.exp.bad.teacher» (Учителева Ольга Ивановна) не является специалистом по аттестации: его роль — «Педагогический работник»."],
                ["4", "Логин или адрес электронной почты", "Пользователь «nobody.here@example.org» не найден на портале."],
                ["5", "Предмет", "Предмет «химии» не найден(а) в справочнике."],
                ["5", "Логин или адрес электронной почты", "Экспертова Ирина Олеговна по этому муниципалитету уже указан(а) в строке 2."],
            ],
            page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()));
        Assert.Null(page.QuerySelector("form#save"));
        Assert.Equal(0, await _desk.CountAsync(db => db.ApprovedExperts.Where(e => e.ExpertId == expert.Id)));
        Assert.Equal(0, await _desk.StoredFilesOfAsync("import.exp.bad.operator"));
    }

    /// <summary>The login's column was headed «Логин или e-mail» until the template was put in Russian words only.</summary>
    [Fact]
    public async Task A_file_made_from_the_older_template_still_reads()
    {
        await _desk.CreateExpertAsync("import.exp.old.expert", "Староверова");
        using var client = await _desk.SignInOperatorAsync("import.exp.old.operator");
        var file = ImportFiles.Workbook(["Логин или e-mail", .. Header[1..]], ["import.exp.old.expert", "г. Томск", "", ""]);

        using var response = await client.SubmitMultipartFormAsync(Url, Order(), [ImportFiles.Upload(file)], "form#preview");

        var page = await response.ReadDocumentAsync();
        Assert.Null(page.QuerySelector("#problems"));
        Assert.Equal("Логин или адрес электронной почты", Text(page.QuerySelectorAll("#rows thead th")[1]));
        Assert.Equal(["Староверова Ирина Олеговна"], page.QuerySelectorAll("#rows tbody tr").Select(r => Text(r.QuerySelectorAll("td")[2])));
        Assert.NotNull(page.QuerySelector("form#save"));
    }

    [Fact]
    public async Task A_good_file_creates_the_list_of_the_year_with_its_order_and_every_row()
    {
        var first = await _desk.CreateExpertAsync("import.exp.good.first", "Первова");
        var second = await _desk.CreateExpertAsync("import.exp.good.second", "Вторая", factory.Directory.District.Id);
        using var client = await _desk.SignInOperatorAsync("import.exp.good.operator");
        var file = ImportFiles.Workbook(Header,
            ["import.exp.good.first", "г. Томск", "математики", "учитель"],
            ["import.exp.good.second@example.org", "Томский район", "", ""],
            ["import.exp.good.first", "Томский район", "физики", ""]);

        using var preview = await client.SubmitMultipartFormAsync(Url, Order(), [ImportFiles.Upload(file)], "form#preview");
        var page = await preview.ReadDocumentAsync();
        Assert.Null(page.QuerySelector("#problems"));
        Assert.Equal(["Первова Ирина Олеговна", "Вторая Ирина Олеговна", "Первова Ирина Олеговна"],
            page.QuerySelectorAll("#rows tbody tr").Select(r => Text(r.QuerySelectorAll("td")[2])));
        Assert.Equal(0, await _desk.CountAsync(db => db.ApprovedExpertLists));

        using var saved = await client.SubmitFormAsync(page, Url, new Dictionary<string, string>(), "form#save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Operator/Directories/Experts?year={Year.StartYear}", saved.RedirectPath());
        await using (var db = factory.OpenDb())
        {
            var list = await db.ApprovedExpertLists.AsNoTracking().Include(l => l.Entries).SingleAsync();
            Assert.Equal(Year.StartYear, list.SchoolYearStart);
            Assert.Equal("1024-р", list.OrderNumber);
            Assert.Equal(new DateOnly(Year.StartYear, 8, 25), list.OrderDate);
            Assert.Equal(
                [(first.Id, factory.Directory.Tomsk.Id, (int?)factory.Directory.Mathematics.Id, (int?)factory.Directory.SchoolTeacher.Id),
                    (first.Id, factory.Directory.District.Id, factory.Directory.Physics.Id, null),
                    (second.Id, factory.Directory.District.Id, null, null)],
                list.Entries.Select(e => (e.ExpertId, e.MunicipalityId, e.SubjectId, e.PositionId))
                    .OrderBy(e => e.ExpertId == first.Id ? 0 : 1).ThenBy(e => e.MunicipalityId == factory.Directory.Tomsk.Id ? 0 : 1));
        }

        var listPage = await client.GetDocumentAsync($"/Operator/Directories/Experts?year={Year.StartYear}");
        Assert.Equal($"В список специалистов на {Year} учебный год добавлено записей: 3.", StatusMessage(listPage));
        Assert.Equal("Утверждён распоряжением № 1024-р от 25.08." + Number(Year.StartYear) + ". Записей: 3.", Text(listPage.QuerySelector("#order")!));
        // By municipality, then by name; each row with its subject and position, joined after the page is cut.
        Assert.Equal(
            [["Город Томск", "Первова Ирина Олеговна", "математики", "Учитель"], ["Томский район", "Вторая Ирина Олеговна", "", ""],
                ["Томский район", "Первова Ирина Олеговна", "физики", ""]],
            listPage.QuerySelectorAll("#experts tbody tr").Select(r => r.QuerySelectorAll("td").Take(4)
                .Select(c => c.ChildNodes.Length > 0 ? c.ChildNodes[0].TextContent.Trim() : "").ToArray()));

        // Importing the same file again adds nothing: every row is already in the list.
        using var again = await client.SubmitMultipartFormAsync(Url, Order(), [ImportFiles.Upload(file)], "form#preview");
        var repeated = await again.ReadDocumentAsync();
        Assert.Equal($"Первова Ирина Олеговна уже включён(а) в список на {Year} учебный год по муниципалитету «г. Томск».",
            Text(repeated.QuerySelectorAll("#problems tbody tr")[0].QuerySelectorAll("td")[2]));
    }

    private Dictionary<string, string> Order() => new()
    {
        ["Input.Year"] = Number(Year.StartYear),
        ["Input.OrderNumber"] = "1024-р",
        ["Input.OrderDate"] = $"{Year.StartYear}-08-25",
    };
}
