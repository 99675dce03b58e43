using Attestation.Domain.Periods;
using Attestation.Web.Areas.Operator.Pages.Directories;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Control;

/// <summary>
/// «Контроль»: per municipality of the region, the registration (waiting, past the 30 days), the schedule of the
/// nearest period before its 12th, and the conclusions due and overdue; each number links to its applications.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    /// <summary>The columns of the table, in the order of the work.</summary>
    public static IReadOnlyList<ControlList> Columns { get; } = Enum.GetValues<ControlList>();

    public RegionControl Control { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<ControlList, int> Totals { get; private set; } = new Dictionary<ControlList, int>();

    public PeriodDeadlines? NearestDeadlines { get; private set; }

    public sealed record Row(int MunicipalityId, string Municipality, bool IsActive, IReadOnlyDictionary<ControlList, int> Counts)
    {
        public bool NeedsAttention => Counts[ControlList.ConsiderationOverdue] > 0 || Counts[ControlList.ConclusionsOverdue] > 0;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Control = await RegionControl.LoadAsync(db, region, ct);
        NearestDeadlines = Control.NearestPeriod is null ? null : PeriodCalendar.Deadlines(Control.NearestPeriod);
        var counts = await Control.CountByMunicipalityAsync(db, Columns, ct);

        var municipalities = await db.Municipalities.AsNoTracking()
            .Select(m => new { m.Id, m.Name, m.IsActive, m.IsRegionalPseudo })
            .ToListAsync(ct);
        Rows = municipalities
            .OrderBy(m => m.IsRegionalPseudo).ThenBy(m => m.Name, OperatorLists.Alphabetical)
            .Select(m => new Row(m.Id, m.Name, m.IsActive,
                Columns.ToDictionary(list => list, list => counts[list].GetValueOrDefault(m.Id))))
            // A deactivated municipality with nothing to control is noise.
            .Where(r => r.IsActive || r.Counts.Values.Any(c => c > 0))
            .ToList();
        Totals = Columns.ToDictionary(list => list, list => counts[list].Values.Sum());
    }
}
