using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Areas.Municipality.Pages.Withdraw;

/// <summary>
/// «Отзыв заявления о проведении аттестации» on the teacher's behalf, in the seed's three steps: «Сформировать
/// заявление на отзыв» (the PDF to print and sign), «Прикрепить» (the signed scan), «Подать». Each step needs the one
/// before; the server enforces the order through <see cref="WithdrawalDraft"/>.
/// </summary>
public sealed class PrepareModel(
    AttestationDbContext db,
    RegionTime region,
    IDataProtectionProvider protection,
    IDocumentRenderer documents,
    IOptions<DocumentsOptions> wording,
    UploadValidator uploads,
    IFileStore files) : PageModel
{
    public const string NotFormed = "Подача заявления на отзыв не доступна т.к. заявление на отзыв не сформировано";
    public const string NotAttached = "Подача заявления на отзыв не доступна т.к. подписанное заявление на отзыв не прикреплено";
    public const string AttachNotFormed = "Прикрепление заявления на отзыв не доступно т.к. заявление на отзыв не сформировано";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The protected draft, from the address (after a redirect) or the form (on a post).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    [BindProperty]
    [Display(Name = "Подписанное заявление на отзыв (скан)")]
    public IFormFile? Scan { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Application Application { get; private set; } = null!;

    public string Position { get; private set; } = "";

    public string Organisation { get; private set; } = "";

    /// <summary>The draft the token holds, once the document is formed.</summary>
    public WithdrawalDraft? Current { get; private set; }

    public string MaxSizeText => uploads.MaxSizeText;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите причину отзыва.")]
        [Display(Name = "Причина отзыва заявления")]
        public WithdrawalReason? Reason { get; set; }

        [StringLength(Withdrawal.ReasonTextMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Пояснение")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        Current = ReadDraft(id);
        if (Current is not null)
            Input = new InputModel { Reason = Current.Reason, Text = Current.Text };
        else if (!string.IsNullOrEmpty(Draft))
            ModelState.AddModelError(string.Empty, "Сформированное заявление на отзыв устарело: сформируйте его ещё раз.");
        await LoadAsync(application, ct);
        return Page();
    }

    /// <summary>«Сформировать заявление на отзыв»: fixes the reason and opens the next step.</summary>
    public async Task<IActionResult> OnPostFormAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        if (Input.Reason == WithdrawalReason.Other && string.IsNullOrWhiteSpace(Input.Text))
            ModelState.AddModelError("Input.Text", "Опишите причину отзыва.");
        if (!CanBeWithdrawn(application, out var why))
            ModelState.AddModelError(string.Empty, why);
        if (!ModelState.IsValid)
        {
            await LoadAsync(application, ct);
            return Page();
        }

        var draft = new WithdrawalDraft(id, User.UserId(), Input.Reason!.Value,
            string.IsNullOrWhiteSpace(Input.Text) ? null : Input.Text.Trim(), region.Now);
        StatusMessage = "Заявление на отзыв сформировано: скачайте его, распечатайте, подпишите, отсканируйте и прикрепите.";
        return RedirectToPage(new { id, draft = draft.Protect(protection, region.Now) });
    }

    /// <summary>The withdrawal document as PDF, with the reason of the draft.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        var draft = ReadDraft(id);
        if (application is null || draft is null)
            return NotFound();

        await LoadAsync(application, ct);
        var userId = User.UserId();
        var coordinator = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var municipality = await db.MunicipalityNameAsync(application.MunicipalityId, ct);
        var period = application.PeriodId is { } periodId
            ? await db.Periods.AsNoTracking().Where(p => p.Id == periodId).SingleOrDefaultAsync(ct)
            : null;
        var teacher = await db.TeacherProfileAsync(application.TeacherId, ct);
        var model = WithdrawalDocumentModel.From(application, municipality, Position, Organisation, period?.Name,
            new PersonName(coordinator.LastName, coordinator.FirstName, coordinator.MiddleName), coordinator.GenitiveCorrection,
            teacher.Genitive, wording.Value.CommissionAddressee,
            draft.Reason, draft.Text, region.Zone, RegionClock.Today(draft.FormedAt, region.Zone));
        var pdf = await documents.RenderPdfAsync<WithdrawalDocument>(
            new Dictionary<string, object?> { [nameof(WithdrawalDocument.Model)] = model }, PdfPageOptions.Portrait, ct);
        return this.Attachment(pdf, "application/pdf", model.FileName);
    }

    /// <summary>«Прикрепить»: the signed scan, saved as a stored file and remembered in the draft.</summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        var draft = ReadDraft(id);
        // The reason was fixed when the document was formed and travels in the draft; the form posts none.
        ModelState.Clear();
        if (draft is null)
        {
            ModelState.AddModelError(nameof(Scan), AttachNotFormed);
            await LoadAsync(application, ct);
            return Page();
        }

        Current = draft;
        Input = new InputModel { Reason = draft.Reason, Text = draft.Text };
        var check = await uploads.CheckAsync(Scan, ct);
        if (!check.IsValid)
        {
            ModelState.AddModelError(nameof(Scan), check.Error!);
            await LoadAsync(application, ct);
            return Page();
        }

        var fileId = files.Stage(check.Upload!, User.UserId(), region.Now);
        await db.SaveChangesAsync(ct);
        var attached = draft with { ScanFileId = fileId, ScanFileName = check.Upload!.FileName };
        StatusMessage = $"Подписанное заявление на отзыв прикреплено: {check.Upload.FileName}. Теперь его можно подать.";
        return RedirectToPage(new { id, draft = attached.Protect(protection, region.Now) });
    }

    /// <summary>The attached scan, for a look before «Подать».</summary>
    public async Task<IActionResult> OnGetScanAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        var draft = ReadDraft(id);
        if (application is null || draft?.ScanFileId is not { } fileId || !await IsOwnScanAsync(fileId, ct))
            return NotFound();
        var file = await files.OpenAsync(fileId, ct);
        return file is null ? NotFound() : this.Attachment(file);
    }

    /// <summary>«Подать»: files the withdrawal with the attached scan; the coordinator then registers it.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        var draft = ReadDraft(id);
        // The reason was fixed when the document was formed and travels in the draft; the form posts none.
        ModelState.Clear();
        if (draft is null)
            ModelState.AddModelError(string.Empty, NotFormed);
        else if (draft.ScanFileId is not { } fileId || !await IsOwnScanAsync(fileId, ct))
            ModelState.AddModelError(string.Empty, NotAttached);

        if (ModelState.IsValid)
        {
            var saved = await db.TrySaveAsync(
                () => application.FileWithdrawal(draft!.Reason, draft.Text, byCoordinator: true, draft.ScanFileId,
                    new Actor(User.UserId(), Roles.MunicipalCoordinator), region.Now), ct,
                Notices.ChangedMeanwhile(application.FullName));
            if (saved.Succeeded)
            {
                StatusMessage = $"{application.FullName}: заявление на отзыв подано. Зарегистрируйте его в разделе «Регистрация заявлений на отзыв».";
                return RedirectToPage("./Index");
            }

            saved.ReportTo(ModelState);
            db.ChangeTracker.Clear();
            application = await FindAsync(id, ct);
            if (application is null)
                return NotFound();
        }

        Current = draft;
        if (draft is not null)
            Input = new InputModel { Reason = draft.Reason, Text = draft.Text };
        await LoadAsync(application, ct);
        return Page();
    }

    private WithdrawalDraft? ReadDraft(Guid id) => WithdrawalDraft.Read(protection, Draft, id, User.UserId());

    /// <summary>A scan this coordinator uploaded: a draft can only name files the portal stored for him.</summary>
    private Task<bool> IsOwnScanAsync(Guid fileId, CancellationToken ct)
    {
        var userId = User.UserId();
        return db.StoredFiles.AnyAsync(f => f.Id == fileId && f.CreatedBy == userId, ct);
    }

    private static bool CanBeWithdrawn(Application application, out string why)
    {
        why = application.IsWithdrawalPending
            ? "Подача заявления на отзыв не доступна т.к. заявление на отзыв отправлено"
            : !application.CanBeWithdrawnForTeacher
                ? $"Отозвать можно только зарегистрированное заявление, по которому ещё не принято решение; статус заявления «{application.Status.ToShortRussian()}»."
                : "";
        return why.Length == 0;
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.InMunicipalityOf(User).SingleOrDefaultAsync(a => a.Id == id, ct);

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Application = application;
        var row = await db.RowOfAsync(application.Id, ct);
        Organisation = row.Organisation;
        Position = row.PositionWithSubject;
        if (!CanBeWithdrawn(application, out var why) && ModelState.ErrorCount == 0)
            ModelState.AddModelError(string.Empty, why);
    }
}
