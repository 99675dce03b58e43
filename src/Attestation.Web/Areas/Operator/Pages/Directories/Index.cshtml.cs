using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>«Справочники»: what there is, and where to change it.</summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region, DirectoryNameCache directories) : PageModel
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
        // The directories' counts as the instance holds them for this version; the year's experts as PostgreSQL keeps
        // them by municipality (ApprovedExpertCount), a few hundred rows where the entries are a country's 20,000.
        (Municipalities, Organisations, Positions, Subjects) = (await directories.CurrentAsync(db, ct)).Active;
        Experts = await db.ApprovedExpertCounts
            .Where(c => db.ApprovedExpertLists.Any(l => l.Id == c.ListId && l.SchoolYearStart == year))
            .SumAsync(c => c.Count, ct);
    }
}
