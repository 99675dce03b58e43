using Attestation.Domain;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories.Experts;

/// <summary>
/// «Список специалистов по аттестации» of a school year, approved by the regional department's order: who may be
/// assigned in which municipality. Filled by the Excel import; an entry can be removed.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public SchoolYear SchoolYear { get; private set; }

    public string? OrderNumber { get; private set; }

    public DateOnly? OrderDate { get; private set; }

    public bool ListExists { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid EntryId, string Municipality, string Expert, string? Login, string? Subject,
        string? Position, string? Workplace);

    public async Task OnGetAsync(CancellationToken ct)
    {
        SchoolYear = ChosenYear();
        var list = await db.ApprovedExpertLists.AsNoTracking().SingleOrDefaultAsync(l => l.SchoolYearStart == SchoolYear.StartYear, ct);
        ListExists = list is not null;
        OrderNumber = list?.OrderNumber;
        OrderDate = list?.OrderDate;
        if (list is null)
            return;

        var rows = await (
            from e in db.ApprovedExperts.AsNoTracking()
            where e.ListId == list.Id
            join u in db.Users.ToPeople(db) on e.ExpertId equals u.Id
            join m in db.Municipalities on e.MunicipalityId equals m.Id
            join s in db.Subjects on e.SubjectId equals (int?)s.Id into subjects
            from s in subjects.DefaultIfEmpty()
            join p in db.Positions on e.PositionId equals (int?)p.Id into positions
            from p in positions.DefaultIfEmpty()
            select new
            {
                e.Id,
                m.IsRegionalPseudo,
                Municipality = m.Name,
                Expert = u,
                Subject = s == null ? null : s.Name,
                Position = p == null ? null : p.Name,
            })
            .ToListAsync(ct);
        Rows = rows
            .Select(r => new
            {
                r.IsRegionalPseudo,
                Row = new Row(r.Id, r.Municipality, r.Expert.FullName, r.Expert.Login, r.Subject, r.Position, r.Expert.Organisation),
            })
            .OrderBy(r => r.IsRegionalPseudo).ThenBy(r => r.Row.Municipality, OperatorLists.Alphabetical)
            .ThenBy(r => r.Row.Expert, OperatorLists.Alphabetical)
            .Select(r => r.Row)
            .ToList();
    }

    /// <summary>Removes one entry; applications already scheduled with this expert keep him.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await db.ApprovedExperts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
            return NotFound();
        var list = await db.ApprovedExpertLists.Include(l => l.Entries).SingleAsync(l => l.Id == entry.ListId, ct);
        var saved = await db.TrySaveAsync(() => list.Remove(entry.ExpertId, entry.MunicipalityId), ct);
        if (saved.Refusal is { } refusal)
            this.Refuse(refusal);
        else
            StatusMessage = "Специалист исключён из списка по этому муниципалитету.";
        return RedirectToPage(new { year = list.SchoolYearStart });
    }

    private SchoolYear ChosenYear() =>
        Year is >= SchoolYear.MinStartYear and <= SchoolYear.MaxStartYear
            ? new SchoolYear(Year.Value)
            : SchoolYear.Containing(region.Today);
}
