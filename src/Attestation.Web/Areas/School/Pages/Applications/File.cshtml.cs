using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Applications;

/// <summary>
/// Downloads a file of an application of the coordinator's own organisation: the id must belong to that application,
/// anything else (another school's application, a file of another application) is 404.
/// </summary>
public sealed class FileModel(AttestationDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().InOrganisationOf(db.Users, User)
            .Include(a => a.Documents)
            .Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !application.FileIds().Contains(fileId))
            return NotFound();

        var file = await files.OpenAsync(fileId, ct);
        return file is null ? NotFound() : this.Attachment(file);
    }
}
