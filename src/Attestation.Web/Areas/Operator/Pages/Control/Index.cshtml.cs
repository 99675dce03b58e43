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
public sealed class IndexModel(AttestationDbContext db, RegionTime region, IOptions<JobsOptions> jobs,
    DirectoryNameCache directories) : PageModel
{
    /// <summary>The columns of the table, in the order of the work.</summary>
    public static IReadOnlyList<ControlList> Columns { get; } = Enum.GetValues<ControlList>();

    public RegionControl Control { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public ControlNumbers Totals { get; private set; } = ControlNumbers.None;

    public PeriodDeadlines? NearestDeadlines { get; private set; }

    /// <summary>When the numbers shown were counted by <see cref="ControlCounting"/>; null when the page counted them now.</summary>
    public DateTimeOffset? CountedAt { get; private set; }

    public sealed record Row(int MunicipalityId, string Municipality, bool IsActive, ControlNumbers Counts)
    {
        public bool NeedsAttention => Counts[ControlList.ConsiderationOverdue] > 0 || Counts[ControlList.ConclusionsOverdue] > 0;
    }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    /// <summary>The municipalities a page at a time (a country has hundreds); the totals are the region's.</summary>
    public PagerView? Pager { get; private set; }

    /// <summary>
    /// Three statements at most: the periods, the counted numbers, and, only when those are missing or stale (the
    /// counting job not running, another day, another nearest period), the count itself. The municipalities, their
    /// names and their order are the held directories' (<see cref="DirectoryNameSnapshot"/>), and each line's numbers
    /// are the array read, not a dictionary a line.
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

        var held = await directories.CurrentAsync(db, ct);
        var kept = await db.ControlCounts.AsNoTracking().ToListAsync(ct);
        var answers = kept.Count > 0 && kept.All(k => k.Answer(Control, region.Now, jobs.Value.ControlCountsMaxAge));
        if (answers)
            CountedAt = kept.Min(k => k.CountedAt);
        var counts = answers
            ? kept.ToDictionary(k => k.MunicipalityId, k => k.Counts)
            : await Control.CountByMunicipalityAsync(db, Columns, ct);

        // The held directory's municipalities are in the table's order already.
        Rows = held.MunicipalitiesInOrder
            .Select(m => (m, Numbers: counts.GetValueOrDefault(m.Id) is { } found ? new ControlNumbers(found) : ControlNumbers.None))
            // A deactivated municipality with nothing to control is noise.
            .Where(l => l.m.IsActive || l.Numbers.AnyCounted)
            .Select(l => new Row(l.m.Id, l.m.Name, l.m.IsActive, l.Numbers))
            .ToList();
        // Every municipality counted, a municipality added since the held directories' version too.
        Totals = ControlNumbers.Sum(counts.Values.Select(c => new ControlNumbers(c)));
    }
}
