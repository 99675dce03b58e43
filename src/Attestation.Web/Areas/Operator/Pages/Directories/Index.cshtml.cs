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
        Municipalities = await db.Municipalities.CountAsync(m => m.IsActive, ct);
        Organisations = await db.Organisations.CountAsync(o => o.IsActive, ct);
        Positions = await db.Positions.CountAsync(p => p.IsActive, ct);
        Subjects = await db.Subjects.CountAsync(s => s.IsActive, ct);
        var year = SchoolYear.StartYear;
        Experts = await db.ApprovedExperts.CountAsync(e => db.ApprovedExpertLists.Any(l => l.Id == e.ListId && l.SchoolYearStart == year), ct);
    }
}
