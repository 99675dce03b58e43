using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Web.Areas.Operator.Pages.Control;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Applications;

/// <summary>
/// The applications of the region (or of one municipality) behind a number of the control table; without a list, every
/// application submitted in a year (the current one unless another is chosen). The operator sees the whole region;
/// drafts stay the teacher's own. Three statements whatever the size of the region: the periods (for the control
/// lists), the municipalities with their counts, and a page of rows, the latest submissions first.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, CountedAheadStore countedAhead) : PageModel
{
    /// <summary>Submission years offered: the portal's first year to the current one.</summary>
    public const int FirstYear = 2016;

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ControlList? Show { get; set; }

    /// <summary>The calendar year of submission of «Все поданные»; empty for all years. The first visit shows the current one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A part of the teacher's full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public RegionControl Control { get; private set; } = null!;

    public string? Municipality { get; private set; }

    public List<SelectListItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The applications found, counted up to <see cref="Paging.CountLimit"/> unless counted ahead.</summary>
    public RowCount Total { get; private set; }

    /// <summary>When the counts were counted ahead (this year's, <see cref="AheadCounting"/>); null when counted now.</summary>
    public DateTimeOffset? CountedAt { get; private set; }

    public PagerView? Pager { get; private set; }

    public string Title => Show is { } list
        ? Control.Title(list)
        : Year is { } year ? $"Заявления, поданные в {year} году" : "Все поданные заявления";

    public sealed record Row(
        Guid Id,
        string FullName,
        string Municipality,
        string Organisation,
        string ClaimedCategory,
        ApplicationStatus Status,
        string StatusText,
        DateTimeOffset SubmittedAt,
        ConsiderationClock? Clock,
        string? Period,
        int Experts);

    /// <summary>The list as an Excel file: the same filters and search, every row.</summary>
    public static readonly ListWorkbook<ApplicationRow> Workbook = new("Заявления", "Заявления педагогических работников",
        new ListColumn<ApplicationRow>("Фамилия Имя Отчество", 30, a => SheetCell.Text(a.FullName)),
        new ListColumn<ApplicationRow>("Муниципальное образование", 22, a => SheetCell.Text(a.Municipality)),
        new ListColumn<ApplicationRow>("Место работы, должность", 36, a => SheetCell.Text(a.Work)),
        new ListColumn<ApplicationRow>("Заявленная категория", 14, a => SheetCell.Centered(a.ClaimedCategory?.ToRussian() ?? "—")),
        new ListColumn<ApplicationRow>("Подано", 12, a => SheetCell.Day(a.SubmittedAt?.ToRegionDay())),
        new ListColumn<ApplicationRow>("Статус", 28, a => SheetCell.Text(a.StatusText)),
        new ListColumn<ApplicationRow>("Период", 18, a => SheetCell.Centered(a.PeriodName ?? "—")),
        new ListColumn<ApplicationRow>("Экспертов", 10, a => SheetCell.Count(a.ExpertIds.Count)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = await ChooseAsync(ct);
        if (query is null)
            return NotFound();

        // The page cut on the ids alone, read from the index of submission instants (which carries the search's name),
        // then only its fifty rows read from the table: a common name over a country's years is met every 150 rows.
        var page = await query.SearchedFirst(Search, Total).OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .ToPagedAsync(PageNumber, Total, ids => Ordered(db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))), ct);
        Pager = PagerView.Of(page, Request);
        Rows = page.Items.Select(a => new Row(
                a.Id,
                a.FullName,
                a.Municipality,
                a.Organisation,
                a.ClaimedCategory?.ToRussian() ?? "—",
                a.Status,
                a.StatusText,
                a.SubmittedAt!.Value,
                a.Status == ApplicationStatus.Submitted ? a.Consideration(region.Now, region.Zone) : null,
                a.PeriodName,
                a.ExpertIds.Count))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var query = await ChooseAsync(ct);
        if (query is null)
            return NotFound();
        var subtitle = ListFilters.Describe(Title, Municipality ?? "Все муниципальные образования", ListFilters.Search(Search));
        // Every row found is read: by the trigram index, then sorted, however many.
        return await Workbook.DownloadAsync(this, region, subtitle, Ordered(query.SearchedFirst(Search, found: 0)).AsAsyncEnumerable(), ct);
    }

    /// <summary>Submitted in the calendar <paramref name="year"/> of the region.</summary>
    public static IQueryable<Application> SubmittedIn(IQueryable<Application> applications, int year, TimeZoneInfo zone)
    {
        var from = RegionClock.StartOfDay(new DateOnly(year, 1, 1), zone);
        var to = RegionClock.StartOfDay(new DateOnly(year + 1, 1, 1), zone);
        return applications.Where(a => a.SubmittedAt >= from && a.SubmittedAt < to);
    }

    private IQueryable<ApplicationRow> Ordered(IQueryable<Application> query) =>
        query.ToRows(db).OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id);

    /// <summary>The applications of the filters and the search, counted; null when the address names what is not there.</summary>
    private async Task<IQueryable<Application>?> ChooseAsync(CancellationToken ct)
    {
        var thisYear = region.Today.Year;
        Years = Enumerable.Range(FirstYear, Math.Max(1, thisYear - FirstYear + 1)).Reverse().ToList();
        if (Show is null && !Request.Query.ContainsKey("year"))
            Year = thisYear;
        if (Year is { } chosenYear && !Years.Contains(chosenYear))
            return null;

        Control = await RegionControl.LoadAsync(db, region, ct);
        var query = db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null);
        if (Show is { } list)
            query = Control.Apply(query, list);
        else if (Year is { } year)
            query = SubmittedIn(query, year, region.Zone);
        query = query.WhoseNameContains(Search);

        // This year's, unsearched, as counted ahead while fresh: a country's year is 200,000 applications to count.
        var counted = Show is null && Year == thisYear && string.IsNullOrWhiteSpace(Search)
            ? await countedAhead.ReadAsync<List<MunicipalityChoice>>(AheadKeys.Applications(thisYear), ct)
            : null;
        if (counted is not null && MunicipalityId is { } chosen && !counted.Value.Exists(m => m.Id == chosen))
            counted = null; // a municipality added since the count
        if (MunicipalityId is { } id)
            query = query.Where(a => a.MunicipalityId == id);
        MunicipalityCounts choices;
        if (counted is not null)
        {
            choices = OperatorLists.Choices(counted.Value, 1);
            Total = choices.Count(0, MunicipalityId);
        }
        else
        {
            // Counted up to the limit: a search over a country's years finds tens of thousands scattered over the table.
            (choices, Total) = await db.MunicipalityChoicesAsync(query, Paging.CountLimit(Search), ct);
        }
        CountedAt = counted?.CountedAt;
        Municipalities = choices.Choices.Choosing(MunicipalityId);
        if (MunicipalityId is { } shown)
        {
            Municipality = choices.Names.GetValueOrDefault(shown);
            if (Municipality is null)
                return null;
        }
        return query;
    }
}
