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

    public int Total { get; private set; }

    /// <summary>A part of the full name («ё» as «е», any case).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerView.Parameter)]
    public int? PageNumber { get; set; }

    public PagerView? Pager { get; private set; }

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

        // A page at a time, in the order of the operator's lists: the country's list is tens of thousands of entries.
        // The entries are counted per municipality in the municipalities' order (a row a municipality), the page's
        // municipalities found from those counts, and only their entries sorted by name and cut: sorting a country's
        // 20,000 entries by their municipality's name to cut fifty cost 40 ms. Only the page's rows are then joined to
        // the expert's workplace, subject and position.
        // Unsearched, the counts are those PostgreSQL keeps a municipality (ApprovedExpertCount).
        var entries = db.ApprovedExperts.AsNoTracking().Where(e => e.ListId == list.Id);
        var counted = db.ApprovedExpertCounts.Where(c => c.ListId == list.Id)
            .Select(c => new { c.MunicipalityId, c.Count });
        if (!string.IsNullOrWhiteSpace(Search))
        {
            entries = from e in entries join u in db.Users.WhoseNameContains(Search) on e.ExpertId equals u.Id select e;
            counted = entries.GroupBy(e => e.MunicipalityId).Select(g => new { MunicipalityId = g.Key, Count = g.Count() });
        }
        var counts = await (
                from g in counted
                join m in db.Municipalities on g.MunicipalityId equals m.Id
                orderby m.IsRegionalPseudo, EF.Functions.Collate(m.Name, DataSetup.RussianCollation)
                select g)
            .ToListAsync(ct);
        var spanned = GroupedPage.Of(counts.Select(c => (c.MunicipalityId, c.Count)).ToList(), PageNumber);
        var municipalities = spanned.Groups;
        var ordered =
            from e in entries
            where municipalities.Contains(e.MunicipalityId)
            join u in db.Users on e.ExpertId equals u.Id
            join m in db.Municipalities on e.MunicipalityId equals m.Id
            orderby m.IsRegionalPseudo, EF.Functions.Collate(m.Name, DataSetup.RussianCollation), u.LastName, u.FirstName, u.MiddleName, e.Id
            select new { Entry = e, Municipality = m.Name };
        var rows = municipalities.Count == 0
            ? []
            : await (
                    from r in ordered.Cut(spanned.SkipInFirst, spanned.PageSize)
                    join u in db.Users.ToPeople(db) on r.Entry.ExpertId equals u.Id
                    join s in db.Subjects on r.Entry.SubjectId equals (int?)s.Id into subjects
                    from s in subjects.DefaultIfEmpty()
                    join p in db.Positions on r.Entry.PositionId equals (int?)p.Id into positions
                    from p in positions.DefaultIfEmpty()
                    select new
                    {
                        r.Entry.Id,
                        r.Municipality,
                        Expert = u,
                        Subject = s == null ? null : s.Name,
                        Position = p == null ? null : p.Name,
                    })
                .ToListAsync(ct);
        var page = spanned.With(rows);
        Total = page.Total;
        Pager = PagerView.Of(page, Request);
        Rows = page.Items
            .Select(r => new Row(r.Id, r.Municipality, r.Expert.FullName, r.Expert.Login, r.Subject, r.Position, r.Expert.Organisation))
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
