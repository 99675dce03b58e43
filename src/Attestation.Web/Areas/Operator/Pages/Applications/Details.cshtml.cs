using Attestation.Domain.Applications;
using Attestation.Web.Applications;
using Attestation.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Applications;

/// <summary>
/// A submitted application of the region, read-only: the operator follows it from the control table (what to do about
/// it is the municipal coordinator's). Drafts are the teacher's own and are not shown.
/// </summary>
public sealed class DetailsModel(AttestationDbContext db, ApplicationView view) : PageModel
{
    public ApplicationDetailsView View { get; private set; } = null!;

    /// <summary>The files of the card, each downloaded through this cabinet's own file page.</summary>
    public ApplicationFilesCard Files => new(View, fileId => Url.Page("./File", new { id = View.Application.Id, fileId }));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null)
            .Include(a => a.Documents)
            .Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return NotFound();
        View = await view.BuildAsync(application, ct);
        return Page();
    }
}
