using System.Globalization;
using System.Net;
using Attestation.Domain;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Domain.Schools;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Attestation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.School;

/// <summary>The Excel of «Педагоги организации» and of «Перспективный план», the next step, and the cyclogram's checklist.</summary>
public sealed class ExportAndChecklistTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private TestDirectory Directory => factory.Directory;

    private DateOnly Today => RegionClock.Today(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId));

    [Fact]
    public async Task The_teachers_list_says_the_next_step_and_downloads_as_excel_with_its_filters_and_search()
    {
        var year = SchoolYear.Containing(Today);
        var expiresOn = year.LastDay;
        await TeacherAsync("export.expiring", "Истекающая", Directory.Lyceum.Id, expiresOn);
        await TeacherAsync("export.forever", "Бессрочная", Directory.Lyceum.Id, null);
        await TeacherAsync("export.stranger", "Чужая", Directory.Gymnasium.Id, expiresOn);
        using var client = await CoordinatorAsync("export.coordinator", Directory.Lyceum.Id);

        var page = await client.GetDocumentAsync("/School/Teachers?q=" + Uri.EscapeDataString("истека"));
        Assert.Equal($"Подать заявление до {D(TeacherPlanCalendar.ApplyBy(expiresOn))}",
            Assert.Single(page.QuerySelectorAll("#teachers tbody tr")).QuerySelector(".next-step")!.TextContent.Trim());

        var excel = await client.DownloadAsync("/School/Teachers?handler=Excel&f=expiring", Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("school-teachers.xlsx", excel);
        using (var book = Downloads.OpenWorkbook(excel))
        {
            var sheet = book.Worksheet(1);
            Assert.Equal("Педагоги организации", sheet.Cell(1, 1).GetString());
            Assert.Equal($"{Directory.Lyceum.Name}; категория истекает в {year} учебном году", sheet.Cell(2, 1).GetString());
            Assert.Equal(["№ п/п", "Фамилия Имя Отчество", "Квалификационная категория", "Срок действия", "Подать заявление до", "Заявление", "Следующий шаг"],
                sheet.RowText(3, 7));
            Assert.Equal(["1", "Истекающая Анна Петровна", "первая", D(expiresOn), D(TeacherPlanCalendar.ApplyBy(expiresOn)), "не подавал(а)",
                $"Подать заявление до {D(TeacherPlanCalendar.ApplyBy(expiresOn))}"], sheet.RowText(4, 7));
            Assert.True(sheet.Cell(5, 2).IsEmpty());
        }
        using (var all = Downloads.OpenWorkbook(await client.DownloadAsync("/School/Teachers?handler=Excel&q=" + Uri.EscapeDataString("бессроч"), Downloads.ExcelType)))
        {
            Assert.Equal(["1", "Бессрочная Анна Петровна", "высшая", "бессрочно"], all.Worksheet(1).RowText(4, 4));
            Assert.DoesNotContain("Чужая", string.Join(" ", all.Worksheet(1).CellsUsed().Select(c => c.GetString())), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_plan_downloads_as_excel_month_by_month()
    {
        var year = SchoolYear.Containing(Today);
        var expiresOn = year.FirstDay.AddMonths(3).AddDays(25);
        await TeacherAsync("planxl.teacher", "Плановая", Directory.Gymnasium.Id, expiresOn);
        using var client = await CoordinatorAsync("planxl.coordinator", Directory.Gymnasium.Id);

        var excel = await client.DownloadAsync("/School/Plan?handler=Excel&year=" + Uri.EscapeDataString(year.ToString()), Downloads.ExcelType);
        await Downloads.SaveArtifactAsync("school-plan.xlsx", excel);
        using var book = Downloads.OpenWorkbook(excel);
        var sheet = book.Worksheet(1);
        Assert.Equal($"Перспективный план аттестации на {year} учебный год", sheet.Cell(1, 1).GetString());
        Assert.Equal(Directory.Gymnasium.Name, sheet.Cell(2, 1).GetString());
        Assert.Equal(TeacherPlanCalendar.MonthTitle(new DateOnly(year.StartYear, 9, 1)), sheet.Cell(4, 1).GetString());
        var dates = TeacherPlanCalendar.For(expiresOn);
        Assert.Equal(["1", "Плановая Анна Петровна", "первая, учитель", D(expiresOn), D(dates.CabinetDataBy), D(dates.MaterialsBy),
            D(dates.ApplicationBy), D(dates.ApplyBy)], sheet.RowText(5, 8));
    }

    [Fact]
    public async Task The_checklist_ticks_once_names_who_ticked_and_refuses_to_remove_a_tick_it_did_not_show()
    {
        var year = SchoolYear.Containing(Today);
        var url = "/School/Checklist?year=" + Uri.EscapeDataString(year.ToString());
        using var client = await CoordinatorAsync("check.first", Directory.Lyceum.Id, "Отмечалова");
        using var colleague = await CoordinatorAsync("check.second", Directory.Lyceum.Id, "Коллегова");
        using var stranger = await CoordinatorAsync("check.stranger", Directory.Gymnasium.Id, "Чужакова");

        var page = await client.GetDocumentAsync(url);
        Assert.Equal(SchoolDuties.For(year).Select(d => d.Code), page.QuerySelectorAll("#duties tbody tr").Select(r => r.GetAttribute("data-duty")));
        Assert.Contains($"до {D(year.FirstDay.AddDays(-1))}", page.QuerySelector("tr[data-duty='order'] .term")!.TextContent, StringComparison.Ordinal);
        const string tickForm = "tr[data-duty='order'] form.tick";
        // A double click: two posts of the same form, one tick.
        using (var first = await client.SubmitFormAsync(page, url, new Dictionary<string, string>(), tickForm))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using (var second = await client.SubmitFormAsync(page, url, new Dictionary<string, string>(), tickForm))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal(1, await db.SchoolDutyTicks.CountAsync(t => t.OrganisationId == Directory.Lyceum.Id && t.Duty == "order"));

        var ticked = await client.GetDocumentAsync(url);
        var done = ticked.QuerySelector("tr[data-duty='order'] .ticked")!.TextContent;
        Assert.Contains("Отмечалова Анна Сергеевна", done, StringComparison.Ordinal);
        Assert.Contains(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), done, StringComparison.Ordinal);

        // The colleague removes the tick and ticks again: the first coordinator's page shows the old tick, whose removal is refused.
        var colleagues = await colleague.GetDocumentAsync(url);
        using (await colleague.SubmitFormAsync(colleagues, url, new Dictionary<string, string>(), "tr[data-duty='order'] form.untick"))
        {
        }
        var again = await colleague.GetDocumentAsync(url);
        using (await colleague.SubmitFormAsync(again, url, new Dictionary<string, string>(), tickForm))
        {
        }
        using (var stale = await client.SubmitFormAsync(ticked, url, new Dictionary<string, string>(), "tr[data-duty='order'] form.untick"))
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var now = await client.GetDocumentAsync(url);
        Assert.Contains("Коллегова", now.QuerySelector("tr[data-duty='order'] .ticked")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Отметку изменили", now.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Another organisation's coordinator sees nothing ticked and cannot remove this one.
        var theirs = await stranger.GetDocumentAsync(url);
        Assert.Null(theirs.QuerySelector(".ticked"));
        var tickId = now.QuerySelector("tr[data-duty='order'] form.untick input[name='Version']")!.GetAttribute("value")!;
        using (var forged = await stranger.PostFormToAsync(theirs, url + "&handler=Untick",
                   new Dictionary<string, string> { ["Duty"] = "order", ["Version"] = tickId }, formSelector: tickForm))
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal(1, await db.SchoolDutyTicks.CountAsync(t => t.OrganisationId == Directory.Lyceum.Id && t.Duty == "order"));

        // A forged duty code is 404; the page reads three statements besides the layout's.
        using (var forged = await client.SubmitFormAsync(now, url, new Dictionary<string, string> { ["Duty"] = "nonsense" }, "tr[data-duty='schedule'] form.tick"))
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var (response, statements) = await factory.GetCountingStatementsAsync(client, url);
        using (response)
            Assert.Equal(3 + 1, statements);
    }

    private static string D(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private async Task<HttpClient> CoordinatorAsync(string login, int organisationId, string lastName = "Проверкина")
    {
        await factory.CreateUserAsync(Roles.SchoolCoordinator, login, u =>
        {
            u.LastName = lastName;
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = organisationId;
        });
        return await factory.SignInAsync(login);
    }

    private async Task TeacherAsync(string login, string lastName, int organisationId, DateOnly? expiresOn)
    {
        var teacher = await factory.CreateUserAsync(Roles.Teacher, login, u =>
        {
            u.LastName = lastName;
            u.FirstName = "Анна";
            u.MiddleName = "Петровна";
            u.MunicipalityId = Directory.Tomsk.Id;
            u.OrganisationId = organisationId;
        });
        await using var db = factory.OpenDb();
        db.HeldCategories.Add(expiresOn is { } end
            ? HeldCategory.Record(teacher.Id, QualificationCategory.First, "учитель", new DateOnly(2019, 1, 10), "1-р", null, legacyExpiresOn: end)
            : HeldCategory.Record(teacher.Id, QualificationCategory.Highest, "учитель", new DateOnly(2024, 1, 10), "2-р", null));
        await db.SaveChangesAsync();
    }
}
