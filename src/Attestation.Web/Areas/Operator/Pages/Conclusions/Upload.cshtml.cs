using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Conclusions;

/// <summary>
/// A final conclusion received on paper («Прикреплено итоговое заключение экспертом/ оператором», seed): the operator
/// uploads its scan with the experts' recommendation for an application in the schedule, or replaces one the attestee
/// has not signed yet. A paper conclusion already bears the three signatures, so by default the same scan is also the
/// signed copy and the conclusion goes straight to the municipal coordinator's check.
/// </summary>
public sealed class UploadModel(AttestationDbContext db, ApplicationView view, ConclusionUpload upload) : PageModel
{
    public ApplicationDetailsView View { get; private set; } = null!;

    public string MaxSizeText => upload.MaxSizeText;

    public bool CanUpload => View.Application.CanAttachConclusion;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel : ConclusionInput
    {
        [Display(Name = "Заключение подписано аттестуемым и двумя специалистами")]
        public bool SignedByAll { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, tracking: false, ct);
        if (application is null)
            return NotFound();
        Input.ShowCurrent(application.Conclusion);
        View = await view.BuildAsync(application, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, tracking: true, ct);
        if (application is null)
            return NotFound();
        var replacing = application.Conclusion is not null;
        if (!ModelState.IsValid
            || !await upload.AttachAsync(application, Input, new Actor(User.UserId(), Roles.Operator), Input.SignedByAll,
                ModelState, nameof(Input), ct))
        {
            View = await view.BuildAsync(application, ct);
            return Page();
        }

        var sent = await upload.NotifyTeacherAsync(application, replacing, ct);
        var saved = await db.TrySaveAsync(_ => Task.CompletedTask, ct, Notices.ChangedMeanwhile(application.FullName));
        if (saved.Refusal is { } refusal)
        {
            this.Refuse(refusal);
            return RedirectToPage(new { id });
        }

        StatusMessage = (replacing ? "Итоговое заключение заменено" : "Итоговое заключение прикреплено")
            + (application.Status == ApplicationStatus.ConclusionSigned
                ? " и передано муниципальному координатору на проверку."
                : ": аттестуемый прикрепит подписанный экземпляр.")
            + (sent ? " Аттестуемому отправлено письмо." : " У аттестуемого не указан адрес электронной почты: сообщите ему о заключении.");
        return RedirectToPage(new { id });
    }

    /// <summary>A submitted application of the region that has been put into a period; anything else is 404.</summary>
    private Task<Application?> FindAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Applications.Where(a => a.SubmittedAt != null && a.PeriodId != null).Include(a => a.Documents).AsQueryable();
        if (!tracking)
            query = query.AsNoTracking();
        return query.SingleOrDefaultAsync(a => a.Id == id, ct);
    }
}
