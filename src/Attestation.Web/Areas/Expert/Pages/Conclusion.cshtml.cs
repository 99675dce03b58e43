using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Expert.Pages;

/// <summary>
/// «Итоговое заключение»: the pre-filled template to print, then the scan signed by the attestee and both
/// specialists uploaded with the recommendation. Either specialist of the pair may upload; until the attestee attaches
/// his signed copy, either may replace it.
/// </summary>
public sealed class ConclusionModel(
    AttestationDbContext db,
    ApplicationView view,
    ConclusionUpload upload,
    IDocumentRenderer documents,
    RegionTime region) : PageModel
{
    public ApplicationDetailsView View { get; private set; } = null!;

    public string MaxSizeText => upload.MaxSizeText;

    public bool CanUpload => View.Application.CanAttachConclusion;

    [BindProperty]
    public ConclusionInput Input { get; set; } = new();

    /// <summary>
    /// The two ways a conclusion is signed, each said in its own words: false — the specialists' copy, which the
    /// attestee prints, signs and attaches himself; true — the scan already signed by the attestee and both
    /// specialists, so nothing is left to sign. Asked every time: the page used to say one and do the other.
    /// </summary>
    [BindProperty]
    public bool? SignedByAll { get; set; }

    /// <summary>Ticked to upload a conclusion before the period has even started (a slip of the period, usually).</summary>
    [BindProperty]
    public bool ConfirmBeforePeriod { get; set; }

    /// <summary>The period has not started yet: an upload asks for <see cref="ConfirmBeforePeriod"/>.</summary>
    public bool BeforePeriod => View.Period is { } period && region.Today < period.StartDate;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null)
            return NotFound();
        Input.ShowCurrent(application.Conclusion);
        View = await view.BuildAsync(application, ct);
        return Page();
    }

    /// <summary>The template with the attestee, the claim, the period and both specialists filled in.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(Guid id, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null)
            return NotFound();

        var details = await view.BuildAsync(application, ct);
        var model = ConclusionFormModel.From(application, details.Position, details.Subject, details.Organisation,
            details.Municipality, details.Period!, await ExpertsAsync(application, ct), region.Today, details.Teacher.Genitive);
        var pdf = await documents.RenderPdfAsync<ConclusionForm>(
            new Dictionary<string, object?> { [nameof(ConclusionForm.Model)] = model }, PdfPageOptions.Portrait, ct);
        return this.Attachment(pdf, "application/pdf", model.FileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: true, ct);
        if (application is null)
            return NotFound();
        if (SignedByAll is null)
            ModelState.AddModelError(nameof(SignedByAll), "Укажите, кто уже подписал заключение.");
        var start = await db.Periods.AsNoTracking().Where(p => p.Id == application.PeriodId).Select(p => new { p.StartYear, p.StartMonth }).SingleAsync(ct);
        var periodStart = new DateOnly(start.StartYear, start.StartMonth, 1);
        if (region.Today < periodStart && !ConfirmBeforePeriod)
            ModelState.AddModelError(nameof(ConfirmBeforePeriod),
                $"Период аттестации начнётся {periodStart.ToRussianDate()}: подтвердите, что заключение загружается заранее намеренно.");
        if (!ModelState.IsValid)
            return await RedisplayAsync(application, ct);

        var replacing = application.Conclusion is not null;
        if (!await upload.AttachAsync(application, Input, new Actor(User.UserId(), Roles.Expert), signedByAll: SignedByAll == true,
                ModelState, nameof(Input), ct))
            return await RedisplayAsync(application, ct);

        var sent = await upload.NotifyTeacherAsync(application, replacing, ct);
        var saved = await db.TrySaveAsync(_ => Task.CompletedTask, ct, Notices.ChangedMeanwhile(application.FullName));
        if (saved.Refusal is { } refusal)
        {
            this.Refuse(refusal);
            return RedirectToPage("./Conclusion", new { id });
        }

        StatusMessage = (replacing, SignedByAll == true) switch
            {
                (_, true) => "Итоговое заключение, подписанное аттестуемым и двумя специалистами, прикреплено. Подписывать его ещё раз аттестуемому не нужно.",
                (true, false) => "Итоговое заключение заменено. Аттестуемый распечатает, подпишет и прикрепит подписанный экземпляр.",
                _ => "Итоговое заключение прикреплено. Аттестуемый увидит его в личном кабинете, распечатает, подпишет и прикрепит подписанный экземпляр.",
            }
            + (sent ? "" : " У аттестуемого не указан адрес электронной почты: сообщите ему о заключении.");
        return RedirectToPage("./Attestee", new { id });
    }

    private async Task<IActionResult> RedisplayAsync(Application application, CancellationToken ct)
    {
        View = await view.BuildAsync(application, ct);
        return Page();
    }

    /// <summary>Both specialists in the order of the schedule, as the conclusion names them.</summary>
    private async Task<IReadOnlyList<ConclusionExpert>> ExpertsAsync(Application application, CancellationToken ct)
    {
        var ids = application.AssignedExperts;
        var people = await db.PeopleAsync(ids, ct);
        return ids
            .Select(id => people[id])
            .Select(p =>
            {
                var name = new PersonName(p.LastName, p.FirstName, p.MiddleName);
                return new ConclusionExpert(name.FullName, name.ShortName,
                    p.Position is null ? null : DocumentText.LowerFirst(p.Position), p.Organisation);
            })
            .ToList();
    }
}
