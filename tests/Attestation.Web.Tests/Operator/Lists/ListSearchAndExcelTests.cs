using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Tests.Support;
using Attestation.Web.Tests.Teacher;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Lists;

/// <summary>
/// The operator's lists searched by a part of the teacher's name (any case, «ё» as «е») and downloaded as Excel with
/// the same filters: the applications, the conclusions and the control table.
/// </summary>
public sealed class ListSearchAndExcelTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    [Fact]
    public async Task The_applications_are_found_by_a_part_of_the_name_and_the_excel_holds_exactly_the_rows_found()
    {
        var now = _desk.Now;
        int tomsk = Directory.Tomsk.Id, lyceum = Directory.Lyceum.Id;
        var fyodorova = await _desk.ApplicationAsync("ls.app.fyodorova", tomsk, lyceum, now.AddDays(-2), lastName: "Фёдорова");
        var fedorovaDistrict = await _desk.ApplicationAsync("ls.app.fedorova", Directory.District.Id, Directory.VillageSchool.Id,
            now.AddDays(-1), lastName: "Федорова");
        await _desk.ApplicationAsync("ls.app.other", tomsk, lyceum, now.AddDays(-3), lastName: "Петрова");
        // «%» is searched for as a character, not as «anything».
        await _desk.ApplicationAsync("ls.app.percent", tomsk, lyceum, now.AddDays(-3), lastName: "Процентова");
        using var client = await _desk.SignInOperatorAsync("ls.app.operator");

        var found = await client.GetDocumentAsync("/Operator/Applications?year=&q=ФЕДОР");
        var narrowed = await client.GetDocumentAsync($"/Operator/Applications?year=&q=фёдор&municipalityId={tomsk}");
        var nothing = await client.GetDocumentAsync("/Operator/Applications?year=&q=%25");

        Assert.Equal([fedorovaDistrict, fyodorova], Ids(found));
        Assert.Equal([fyodorova], Ids(narrowed));
        // The filter shows what the list is filtered by, not «Все».
        Assert.Equal(tomsk.ToString(System.Globalization.CultureInfo.InvariantCulture),
            narrowed.QuerySelector("#municipalityId option[selected]")?.GetAttribute("value"));
        Assert.Null(found.QuerySelector("#municipalityId option[selected]"));
        Assert.Equal("ФЕДОР", found.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Empty(Ids(nothing));

        var href = narrowed.QuerySelector("#excel")!.GetAttribute("href")!;
        using var book = Downloads.OpenWorkbook(await client.DownloadAsync(href, Downloads.ExcelType));
        var sheet = book.Worksheet(1);
        Assert.Equal("Заявления педагогических работников", sheet.Cell(1, 1).GetString());
        Assert.Equal($"Все поданные заявления · Город Томск · поиск по ФИО: «фёдор»", sheet.Cell(2, 1).GetString());
        Assert.Equal(["Фамилия Имя Отчество", "Муниципальное образование"], sheet.RowText(3, 2));
        Assert.Equal(["Фёдорова Ольга Ивановна", "Город Томск"], sheet.RowText(4, 2));
        Assert.Equal(now.AddDays(-2).ToOffset(TimeSpan.FromHours(7)).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
            sheet.RowText(4, 5)[4]);
        Assert.Equal("Всего: 1", sheet.Cell(6, 1).GetString());
    }

    [Fact]
    public async Task A_name_corrected_in_the_database_is_found_as_corrected_and_a_long_search_pages_on_the_latest_first()
    {
        var now = _desk.Now;
        int tomsk = Directory.Tomsk.Id, lyceum = Directory.Lyceum.Id;
        var corrected = await _desk.ApplicationAsync("ls.app.misspelt", tomsk, lyceum, now.AddDays(-1), lastName: "Ошибочная");
        var newest = await _desk.ApplicationAsync("ls.app.many", tomsk, lyceum, now.AddHours(-1), lastName: "Многократова");
        await using (var db = factory.OpenDb())
        {
            // As a correction by a script would: PostgreSQL computes the searched name anew from the corrected one.
            await db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "LastName" = 'Исправлённая' WHERE "Id" = {corrected}""");
            await ApplicationCopies.InsertAsync(db, newest, count: 54, earlierBy: TimeSpan.FromMinutes(1));
        }
        using var client = await _desk.SignInOperatorAsync("ls.app.pager");

        var old = await client.GetDocumentAsync("/Operator/Applications?year=&q=ошибочн");
        var found = await client.GetDocumentAsync("/Operator/Applications?year=&q=ИСПРАВЛЕН");
        var first = await client.GetDocumentAsync("/Operator/Applications?year=&q=многократов");
        var second = await client.GetDocumentAsync("/Operator/Applications?year=&q=многократов&p=2");

        Assert.Empty(Ids(old));
        Assert.Equal([corrected], Ids(found));
        Assert.Equal(50, Ids(first).Count);
        Assert.Equal(newest, Ids(first)[0]);
        Assert.Equal(5, Ids(second).Count);
        // The latest submission first, across the two pages.
        await using var check = factory.OpenDb();
        var latestFirst = await check.Applications.Where(a => a.LastName == "Многократова")
            .OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.Equal(55, latestFirst.Count);
        Assert.Equal(latestFirst, Ids(first).Concat(Ids(second)));
    }

    [Fact]
    public async Task The_conclusions_are_found_by_name_and_downloaded_with_the_experts_recommendation_and_the_mark()
    {
        var first = new DateOnly(_desk.Today.Year, _desk.Today.Month, 1).AddMonths(3);
        _desk.MoveClockTo(TomskTime(first.Year, first.Month, 10));
        var period = await _desk.PeriodAsync(first.AddMonths(-1).Year, first.AddMonths(-1).Month);
        var longAgo = TomskTime(first.AddMonths(-4).Year, first.AddMonths(-4).Month, 20);
        var experts = (await _desk.CreateExpertAsync("ls.cl.expert.a", "Экспертова"), await _desk.CreateExpertAsync("ls.cl.expert.b", "Проверяева"));
        var coordinator = await _desk.CreateCoordinatorAsync("ls.cl.coordinator");
        int tomsk = Directory.Tomsk.Id, lyceum = Directory.Lyceum.Id;
        var wanted = await _desk.ApplicationAsync("ls.cl.wanted", tomsk, lyceum, longAgo, register: true, period: period, experts: experts, lastName: "Ёлкина");
        await _desk.ConcludeAsync(wanted, experts.Item1, Conformity.Corresponds, _desk.Now.AddDays(-5), SampleFiles.Pdf(),
            verified: (coordinator, Conformity.DoesNotCorrespond));
        var other = await _desk.ApplicationAsync("ls.cl.other", tomsk, lyceum, longAgo, register: true, period: period, experts: experts, lastName: "Соснина");
        await _desk.ConcludeAsync(other, experts.Item1, Conformity.Corresponds, _desk.Now.AddDays(-5), SampleFiles.Pdf(),
            verified: (coordinator, Conformity.Corresponds));
        using var client = await _desk.SignInOperatorAsync("ls.cl.operator");

        var page = await client.GetDocumentAsync($"/Operator/Conclusions?periodId={period.Id}&q=елкин");

        Assert.Equal([wanted], page.QuerySelectorAll("#conclusions tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        // The tabs keep the search.
        Assert.Contains("q=%D0%B5%D0%BB%D0%BA%D0%B8%D0%BD", page.QuerySelector("#lists a[data-queue='Waiting']")!.GetAttribute("href"), StringComparison.Ordinal);
        using var book = Downloads.OpenWorkbook(await client.DownloadAsync(page.QuerySelector("#excel")!.GetAttribute("href")!, Downloads.ExcelType));
        var sheet = book.Worksheet(1);
        Assert.Equal("Итоговые заключения", sheet.Cell(1, 1).GetString());
        Assert.Equal($"Проверены координатором · {period.Name} · Все муниципальные образования · поиск по ФИО: «елкин»", sheet.Cell(2, 1).GetString());
        var row = sheet.RowText(4, 8);
        Assert.Equal("Ёлкина Ольга Ивановна", row[0]);
        Assert.Equal(period.Name, row[4]);
        Assert.Equal(Conformity.Corresponds.ToRussian(), row[5]);
        Assert.Equal(Conformity.DoesNotCorrespond.ToRussian(), row[6]);
        Assert.Equal("Всего: 1", sheet.Cell(6, 1).GetString());
    }

    [Fact]
    public async Task The_control_table_downloads_with_a_row_per_municipality_and_the_regions_totals()
    {
        var now = _desk.Now;
        // Municipalities of this test alone: the other tests' applications are counted in the region's totals.
        var (north, northSchool) = await Municipality.Coordinators.MunicipalityAsync(factory, "Северный район");
        var (south, southSchool) = await Municipality.Coordinators.MunicipalityAsync(factory, "Южный район");
        await _desk.ApplicationAsync("ls.ctl.n1", north, northSchool, now.AddDays(-2));
        await _desk.ApplicationAsync("ls.ctl.n2", north, northSchool, now.AddDays(-45));
        await _desk.ApplicationAsync("ls.ctl.s1", south, southSchool, now.AddDays(-3));
        using var client = await _desk.SignInOperatorAsync("ls.ctl.operator");

        var page = await client.GetDocumentAsync("/Operator/Control");
        using var book = Downloads.OpenWorkbook(await client.DownloadAsync(page.QuerySelector("#excel")!.GetAttribute("href")!, Downloads.ExcelType));
        var sheet = book.Worksheet(1);
        var rows = Enumerable.Range(4, sheet.LastRowUsed()!.RowNumber() - 3).Select(r => sheet.RowText(r, 3)).ToList();

        Assert.Equal("Контроль сроков аттестации", sheet.Cell(1, 1).GetString());
        Assert.Equal(["Муниципальное образование", "Ожидают регистрации", "Не рассмотрены в 30-дневный срок"], sheet.RowText(3, 3));
        Assert.Contains(["Северный район", "2", "1"], rows);
        Assert.Contains(["Южный район", "1", "0"], rows);
        // The totals are the page's.
        var totals = page.QuerySelectorAll("tr#totals [data-list]").Take(2).Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Всего по региону", .. totals], rows[^1]);
        Assert.Equal(rows.Count - 1, page.QuerySelectorAll("#control tbody tr[data-municipality]").Length);
    }

    private static List<Guid> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#applications tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();
}
