using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Teacher.Pages.Applications;

/// <summary>«Распечатать заявление»: the filled application as a PDF, to be signed and scanned.</summary>
public sealed class PrintModel(
    AttestationDbContext db,
    ApplicationView view,
    IDocumentRenderer documents,
    IOptions<DocumentsOptions> wording,
    RegionTime region) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().OwnedBy(User).Include(a => a.Documents)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return NotFound();

        var details = await view.BuildAsync(application, ct);
        // Attested in the year its period starts: a January-February period printed in December is next year's.
        var periodStartYear = application.PeriodId is { } periodId
            ? await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => (int?)p.StartYear).FirstOrDefaultAsync(ct)
            : null;
        var model = ApplicationFormModel.From(application, details.Organisation, details.Position, details.Subject,
            details.Municipality, details.Teacher, wording.Value.CommissionAddressee, region.Today, periodStartYear);
        var pdf = await documents.RenderPdfAsync<ApplicationForm>(
            new Dictionary<string, object?> { [nameof(ApplicationForm.Model)] = model }, PdfPageOptions.Portrait, ct);
        return this.Attachment(pdf, "application/pdf", $"Заявление на аттестацию — {application.FullName}.pdf");
    }
}
