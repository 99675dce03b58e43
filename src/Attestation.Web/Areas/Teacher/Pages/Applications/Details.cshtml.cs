using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages.Applications;

/// <summary>The application as the teacher follows it: status, deadlines, experts, conclusion, decision, history.</summary>
public sealed class DetailsModel(
    AttestationDbContext db,
    ApplicationView view,
    ApplicationWarnings warnings,
    UploadValidator uploads,
    IFileStore files,
    RegionTime region) : PageModel
{
    public ApplicationDetailsView View { get; private set; } = null!;

    /// <summary>The files of the card, each downloaded through this cabinet's own file page.</summary>
    public ApplicationFilesCard Files => new(View, fileId => Url.Page("./File", new { id = View.Application.Id, fileId }), WithConclusion: false);

    [BindProperty]
    [Display(Name = "Скан итогового заключения, подписанного вами и двумя специалистами")]
    public IFormFile? SignedConclusion { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>A draft's or a rejected application's checklist for «Подать заявление» (empty once it may be submitted).</summary>
    public IReadOnlyList<SubmissionProblem> SubmissionProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        View = await view.BuildAsync(application, ct);
        if (application.Can(ApplicationAction.Submit))
            SubmissionProblems = application.SubmissionProblems(await warnings.RequiredDocumentsAsync(application, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostSignConclusionAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();

        var check = await uploads.CheckAsync(SignedConclusion, ct);
        if (!check.IsValid)
        {
            ModelState.AddModelError(nameof(SignedConclusion), check.Error!);
            View = await view.BuildAsync(application, ct);
            return Page();
        }

        return await ActAsync(application, "Подписанное итоговое заключение прикреплено.", () =>
        {
            var fileId = files.Stage(check.Upload!, User.UserId(), region.Now);
            application.SignConclusion(fileId, Actor, region.Now);
        }, ct);
    }

    public async Task<IActionResult> OnPostCancelWithdrawalAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        return await ActAsync(application, "Заявление на отзыв отменено.",
            () => application.CancelWithdrawal(Actor, region.Now), ct);
    }

    private Actor Actor => new(User.UserId(), Roles.Teacher);

    private async Task<IActionResult> ActAsync(Application application, string message, Action action, CancellationToken ct)
    {
        var saved = await db.TrySaveAsync(action, ct);
        if (saved.Refusal is { } refusal)
            this.Refuse(refusal);
        else
            StatusMessage = message;
        return RedirectToPage(new { id = application.Id });
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.OwnedBy(User)
            .Include(a => a.Documents)
            .Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
}
