using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Documents.Spreadsheets;
using Attestation.Web.Infrastructure;
using Attestation.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Attestation.Web.Data.ReadModel;

namespace Attestation.Web.Areas.Operator.Pages.Control;

/// <summary>
/// «Контроль»: per municipality of the region, the registration (waiting, past the 30 days), the schedule of the
/// nearest period before its 12th, and the conclusions due and overdue; each number links to its applications.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, IOptions<JobsOptions> jobs) : PageModel
{
    /// <summary>The columns of the table, in the order of the work.</summary>
    public static IReadOnlyList<ControlList> Columns { get; } = Enum.GetValues<ControlList>();

    public RegionControl Control { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<ControlList, int> Totals { get; private set; } = new Dictionary<ControlList, int>();

    public PeriodDeadlines? NearestDeadlines { get; private set; }

    /// <summary>When the numbers shown were counted by <see cref="ControlCounting"/>; null when the page counted them now.</summary>
    public DateTimeOffset? CountedAt { get; private set; }

    public sealed record Row(int MunicipalityId, string Municipality, bool IsActive, IReadOnlyDictionary<ControlList, int> Counts)
    {
        public bool NeedsAttention => Counts[ControlList.ConsiderationOverdue] > 0 || Counts[ControlList.ConclusionsOverdue] > 0;
    }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    /// <summary>The municipalities a page at a time (a country has hundreds); the totals are the region's.</summary>
    public PagerView? Pager { get; private set; }

    /// <summary>
    /// Three statements at most: the periods, the municipalities with their counted numbers, and, only when those are
    /// missing or stale (the counting job not running, another day, another nearest period), the count itself.
    /// </summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await CountAsync(ct);
        var page = Rows.ToPaged(PageNumber, Paging.MunicipalitiesPageSize);
        Rows = page.Items;
        Pager = PagerView.Of(page, Request);
    }

    /// <summary>The table as an Excel file: a row per municipality, the region's totals under them.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await CountAsync(ct);
        var workbook = new ListWorkbook<Row>("Контроль", "Контроль сроков аттестации",
            [
                new ListColumn<Row>("Муниципальное образование", 30, r => SheetCell.Text(r.Municipality)),
                .. Columns.Select(list => new ListColumn<Row>(Control.Title(list), 16, r => SheetCell.Count(r.Counts[list]))),
            ]);
        var subtitle = CountedAt is { } at ? $"Данные на {at.ToRegionDateTime()}" : $"Данные на {region.Now.ToRegionDateTime()}";
        return await workbook.DownloadAsync(this, region, subtitle, Rows, new Row(0, "Всего по региону", true, Totals), ct);
    }

    private async Task CountAsync(CancellationToken ct)
    {
        Control = await RegionControl.LoadAsync(db, region, ct);
        NearestDeadlines = Control.NearestPeriod is null ? null : PeriodCalendar.Deadlines(Control.NearestPeriod);

        var municipalities = await db.Municipalities.AsNoTracking()
            .GroupJoin(db.ControlCounts, m => m.Id, c => c.MunicipalityId, (m, counted) => new { m, counted })
            .SelectMany(x => x.counted.DefaultIfEmpty(), (x, c) => new { x.m.Id, x.m.Name, x.m.IsActive, x.m.IsRegionalPseudo, Counted = c })
            .ToListAsync(ct);
        var counted = municipalities.Select(m => m.Counted).Where(c => c is not null).ToList();
        var answers = counted.Count > 0 && counted.All(c => c!.Answer(Control, region.Now, jobs.Value.ControlCountsMaxAge));
        Dictionary<ControlList, Dictionary<int, int>> counts;
        if (answers)
        {
            CountedAt = counted.Min(c => c!.CountedAt);
            counts = Columns.ToDictionary(list => list,
                list => counted.ToDictionary(c => c!.MunicipalityId, c => c!.Counts[(int)list]));
        }
        else
            counts = await Control.CountByMunicipalityAsync(db, Columns, ct);

        Rows = municipalities
            .InMunicipalityOrder(m => m.Id, m => m.IsRegionalPseudo, m => m.Name)
            .Select(m => new Row(m.Id, m.Name, m.IsActive,
                Columns.ToDictionary(list => list, list => counts[list].GetValueOrDefault(m.Id))))
            // A deactivated municipality with nothing to control is noise.
            .Where(r => r.IsActive || r.Counts.Values.Any(c => c > 0))
            .ToList();
        Totals = Columns.ToDictionary(list => list, list => counts[list].Values.Sum());
    }
}
