using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>«Справочники»: what there is, and where to change it.</summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    public int Municipalities { get; private set; }
    public int Organisations { get; private set; }
    public int Positions { get; private set; }
    public int Subjects { get; private set; }
    public int Experts { get; private set; }
    public SchoolYear SchoolYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SchoolYear = SchoolYear.Containing(region.Today);
        var year = SchoolYear.StartYear;
        // Every directory's count in one statement: a row of scalar subqueries (on an empty database, none).
        var counts = await db.Municipalities.AsNoTracking()
            .Select(_ => new
            {
                Municipalities = db.Municipalities.Count(m => m.IsActive),
                Organisations = db.Organisations.Count(o => o.IsActive),
                Positions = db.Positions.Count(p => p.IsActive),
                Subjects = db.Subjects.Count(s => s.IsActive),
                Experts = db.ApprovedExperts.Count(e => db.ApprovedExpertLists.Any(l => l.Id == e.ListId && l.SchoolYearStart == year)),
            })
            .FirstOrDefaultAsync(ct);
        if (counts is null)
            return;
        (Municipalities, Organisations, Positions, Subjects, Experts) =
            (counts.Municipalities, counts.Organisations, counts.Positions, counts.Subjects, counts.Experts);
    }
}
