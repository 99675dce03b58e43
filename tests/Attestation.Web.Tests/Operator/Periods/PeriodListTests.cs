using System.Net;
using Attestation.Domain.Periods;
using Attestation.Testing;
using Attestation.Web.Areas.Operator.Pages.Periods;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;

namespace Attestation.Web.Tests.Operator.Periods;

/// <summary>
/// The periods of a school year: generated, one added, one removed. Each test works in a school year of its own far
/// ahead, so the tests of the class do not see each other's periods.
/// </summary>
public sealed class PeriodListTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private static string ListUrl(int year) => $"/Operator/Periods?year={year}";

    private static string DetailsUrl(Guid id) => $"/Operator/Periods/Details?id={id}";

    [Fact]
    public async Task Generating_the_periods_of_a_school_year_twice_adds_nothing_the_second_time()
    {
        using var client = await _desk.SignInOperatorAsync("periods.generate.operator");

        using (var first = await client.SubmitFormAsync(ListUrl(2061), new Dictionary<string, string>(), "form#generate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(ListUrl(2061), first.RedirectPath());
        }
        var page = await client.GetDocumentAsync(ListUrl(2061));
        Assert.StartsWith("Добавлены периоды 2061/2062 учебного года: сентябрь-октябрь 2061,", StatusMessage(page), StringComparison.Ordinal);
        Assert.Equal(
            ["сентябрь-октябрь 2061", "октябрь-ноябрь 2061", "ноябрь-декабрь 2061", "декабрь 2061-январь 2062",
                "январь-февраль 2062", "февраль-март 2062", "март-апрель 2062", "апрель-май 2062"],
            page.QuerySelectorAll("#periods .period-name").Select(Text));
        Assert.True(page.QuerySelector("form#generate button")!.HasAttribute("disabled"));

        // A second post (a stale tab, a double click) finds nothing missing.
        using (var second = await client.PostFormToAsync(page, $"/Operator/Periods?year=2061&handler=Generate",
                   new Dictionary<string, string>(), formSelector: "form#generate"))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        page = await client.GetDocumentAsync(ListUrl(2061));
        Assert.Equal("Все периоды 2061/2062 учебного года уже есть: ничего не добавлено.", StatusMessage(page));
        Assert.Equal(8, await _desk.CountAsync(db => db.Periods.Of(new SchoolYear(2061))));
        Assert.Equal(8, page.QuerySelectorAll("#periods tbody tr").Length);
    }

    [Fact]
    public async Task Generating_fills_in_only_the_missing_periods()
    {
        await _desk.PeriodAsync(2062, 11);
        using var client = await _desk.SignInOperatorAsync("periods.missing.operator");

        using var response = await client.SubmitFormAsync(ListUrl(2062), new Dictionary<string, string>(), "form#generate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.OpenDb();
        var months = await db.Periods.Of(new SchoolYear(2062)).OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth)
            .Select(p => p.StartMonth).ToListAsync();
        Assert.Equal([9, 10, 11, 12, 1, 2, 3, 4], months);
    }

    [Fact]
    public async Task A_period_is_added_by_its_first_month_and_a_duplicate_is_refused()
    {
        using var client = await _desk.SignInOperatorAsync("periods.add.operator");
        var form = await client.GetDocumentAsync(ListUrl(2063));
        Assert.Equal(12, form.Options("Input.Start").Count);
        Assert.Equal(("2064-05", "май-июнь 2064"), form.Options("Input.Start")[8]);
        var values = new Dictionary<string, string> { ["Input.Start"] = "2064-05" };

        using (var added = await client.SubmitFormAsync(form, ListUrl(2063), values, "form#add"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Equal(ListUrl(2063), added.RedirectPath());
        }
        var page = await client.GetDocumentAsync(ListUrl(2063));
        Assert.Equal("Добавлен период «май-июнь 2064».", StatusMessage(page));
        Assert.Equal(["май-июнь 2064"], page.QuerySelectorAll("#periods .period-name").Select(Text));
        Assert.DoesNotContain(page.Options("Input.Start"), o => o.Value == "2064-05");

        // The same period from the form still open in another tab.
        using var duplicate = await client.SubmitFormAsync(form, ListUrl(2063), values, "form#add");

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var refused = await duplicate.ReadDocumentAsync();
        Assert.Equal(["Период «май-июнь 2064» уже есть."], refused.SummaryErrors());
        Assert.Equal(1, await _desk.CountAsync(db => db.Periods.Where(p => p.StartYear == 2064 && p.StartMonth == 5)));
    }

    [Fact]
    public async Task A_period_without_applications_is_removed_and_one_with_an_application_is_kept_with_a_russian_message()
    {
        var empty = await _desk.PeriodAsync(2066, 1);
        var used = await _desk.PeriodAsync(2066, 2);
        await _desk.ApplicationAsync("periods.remove.teacher", factory.Directory.Tomsk.Id, factory.Directory.Lyceum.Id,
            _desk.Now, register: true, period: used);
        using var client = await _desk.SignInOperatorAsync("periods.remove.operator");

        using (var removed = await client.SubmitFormAsync(DetailsUrl(empty.Id), new Dictionary<string, string>(), "form#remove"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            Assert.Equal(ListUrl(2065), removed.RedirectPath());
        }
        Assert.Equal(0, await _desk.CountAsync(db => db.Periods.Where(p => p.Id == empty.Id)));

        var usedPage = await client.GetDocumentAsync(DetailsUrl(used.Id));
        Assert.Null(usedPage.QuerySelector("form#remove"));
        Assert.Equal("1", Text(usedPage.QuerySelector("#applications")!));

        // The form is not offered; a post made anyway (from a page opened before the application came) is refused.
        var emptyPage = await client.GetDocumentAsync(DetailsUrl((await _desk.PeriodAsync(2066, 3)).Id));
        using var forced = await client.PostFormToAsync(emptyPage, $"/Operator/Periods/Details?id={used.Id}&handler=Remove",
            new Dictionary<string, string>(), formSelector: "form#remove");

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var refused = await forced.ReadDocumentAsync();
        Assert.Equal(["Период «февраль-март 2066» нельзя удалить: на него ссылаются заявления (1). Период можно только закрыть."],
            refused.SummaryErrors());
        Assert.Equal(1, await _desk.CountAsync(db => db.Periods.Where(p => p.Id == used.Id)));
    }

    [Fact]
    public async Task The_list_shows_a_closed_period_as_closed_with_its_deadlines()
    {
        var period = await _desk.PeriodAsync(2068, 3);
        var operatorUser = await _desk.CreateOperatorAsync("periods.list.operator");
        await using (var db = factory.OpenDb())
        {
            var tracked = await db.Periods.SingleAsync(p => p.Id == period.Id);
            tracked.Close(operatorUser.Id, _desk.Now, null);
            await db.SaveChangesAsync();
        }
        using var client = await factory.SignInAsync("periods.list.operator");

        var page = await client.GetDocumentAsync(ListUrl(2067));

        var row = page.QuerySelector($"#periods tr[data-id='{period.Id}']")!;
        Assert.Equal("(ПЕРИОД ЗАКРЫТ) март-апрель 2068", Text(row.QuerySelector(".period-name")!));
        var cells = row.QuerySelectorAll("td").Select(Text).ToList();
        Assert.Equal("закрыт", cells[1]);
        Assert.Equal(["11.02.2068", "12.02.2068", "16.02.2068", "15.04.2068"], cells.Skip(2).Take(4));
    }
}
