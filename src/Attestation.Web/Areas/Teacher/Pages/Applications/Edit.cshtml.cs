using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Rules;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages.Applications;

/// <summary>
/// «Заявление о проведении аттестации»: one form for the fields and the documents. Every button saves what was typed
/// as a draft first; a refused upload saves nothing and keeps everything in the form.
/// </summary>
public sealed class EditModel(
    AttestationDbContext db,
    ApplicationWarnings warnings,
    UploadValidator uploads,
    IFileStore files,
    StaffEmails staff,
    RegionTime region) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Вид документа")]
    public ApplicationDocumentKind UploadKind { get; set; } = ApplicationDocumentKind.SignedApplication;

    [BindProperty]
    [Display(Name = "Файл (PDF, JPEG или PNG, до 20 МБ)")]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set by a refused «Подать заявление»: the form comes back with each missing field's message next to it.</summary>
    [TempData]
    public bool? SubmissionRefused { get; set; }

    /// <summary>
    /// The id the new application will have, given with the empty form: a second post of the same form (a double click,
    /// a resent request) lands on the draft the first one created instead of making another.
    /// </summary>
    [BindProperty]
    public Guid? NewId { get; set; }

    /// <summary>The application's version the form was read at (<see cref="Application.ChangedSince"/>).</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>After a refused save: what another tab or person changed since the form was read.</summary>
    public IReadOnlyList<ApplicationEvent> ChangedMeanwhile { get; private set; } = [];

    public Guid? Id { get; private set; }
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;
    public string? RejectionReason { get; private set; }
    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];
    public IReadOnlyList<ApplicationDocumentKind> RequiredDocuments { get; private set; } = [];
    public IReadOnlyList<RuleWarning> Warnings { get; private set; } = [];
    public IReadOnlyList<SubmissionProblem> SubmissionProblems { get; private set; } = [];
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Positions { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            Input = await PrefillFromProfileAsync(ct);
            NewId = Guid.CreateVersion7();
            await LoadPageAsync(null, ct);
            return Page();
        }

        var application = await FindAsync(id.Value, ct);
        if (application is null)
            return NotFound();
        if (!application.IsEditable)
            return RedirectToPage("./Details", new { id });

        Input = ApplicationInput.From(application);
        Version = application.LastEventNumber;
        await LoadPageAsync(application, ct);
        if (SubmissionRefused == true)
        {
            foreach (var problem in SubmissionProblems.Where(p => p.Field is not null))
                ModelState.AddModelError($"Input.{problem.Field}", problem.Sentence);
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) => SaveAsync(id, "Черновик заявления сохранён.", null, ct);

    public async Task<IActionResult> OnPostUploadAsync(Guid? id, CancellationToken ct)
    {
        var check = await uploads.CheckAsync(Upload, ct);
        if (!check.IsValid)
        {
            ModelState.AddModelError(nameof(Upload), check.Error!);
            return await RedisplayAsync(id, ct);
        }

        return await SaveAsync(id, $"Документ «{UploadKind.ToRussian()}» прикреплён.", application =>
        {
            var now = region.Now;
            var fileId = files.Stage(check.Upload!, User.UserId(), now);
            application.AttachDocument(UploadKind, fileId, check.Upload!.FileName, Actor, now);
        }, ct);
    }

    public Task<IActionResult> OnPostRemoveDocumentAsync(Guid? id, Guid documentId, CancellationToken ct) =>
        SaveAsync(id, "Документ удалён.", application => application.RemoveDocument(documentId, Actor, region.Now), ct);

    public async Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existingId && await db.Applications.OwnedBy(User)
                .Where(ApplicationFilters.StatusNotIn(ApplicationRules.StatusesFor(ApplicationAction.Submit)))
                .AnyAsync(a => a.Id == existingId, ct))
        {
            // A second click or a second tab: the application is already on its way.
            StatusMessage = "Заявление уже подано.";
            return RedirectToPage("./Details", new { id });
        }

        var required = new List<ApplicationDocumentKind>();
        return await SaveAsync(id, "Заявление подано. Координатор по аттестации муниципалитета рассмотрит его в течение 30 календарных дней.",
            async application =>
            {
                required.AddRange(await warnings.RequiredDocumentsAsync(application, ct));
                if (application.SubmissionProblems(required).Count > 0)
                    SubmissionRefused = true;
                application.Submit(Actor, region.Now, required);
                // The municipality's coordinators learn it with the same save.
                await staff.QueueSubmittedAsync(application, ct);
            }, ct, redirectToDetails: true);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        if (!application.CanBeDeleted)
        {
            StatusMessage = application.Status == ApplicationStatus.Rejected
                ? "Отклонённое заявление не удаляется: исправьте его и подайте повторно."
                : "Поданное заявление удалить нельзя: его можно только отозвать.";
            return RedirectToPage("./Details", new { id });
        }

        db.Applications.Remove(application);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Черновик удалён.";
        return RedirectToPage("./Index");
    }

    private Actor Actor => new(User.UserId(), Roles.Teacher);

    private Task<IActionResult> SaveAsync(Guid? id, string message, Action<Application>? then, CancellationToken ct) =>
        SaveAsync(id, message, then is null ? null : application => { then(application); return Task.CompletedTask; }, ct);

    private async Task<IActionResult> SaveAsync(Guid? id, string message, Func<Application, Task>? then, CancellationToken ct,
        bool redirectToDetails = false)
    {
        var municipalityId = await CheckChoicesAsync(ct);
        if (!ModelState.IsValid)
            return await RedisplayAsync(id, ct);

        // The same new-application form sent again: it continues the draft its first post created. A key another
        // user's application already has (a forged form) is simply not used.
        Guid? key = null;
        if (id is null && NewId is { } sent)
        {
            var owner = await db.Applications.Where(a => a.Id == sent).Select(a => (Guid?)a.TeacherId).SingleOrDefaultAsync(ct);
            if (owner == User.UserId())
                id = sent;
            else if (owner is null)
                key = sent;
        }

        Application? application;
        var creating = id is null;
        if (id is null)
        {
            application = Application.StartDraft(User.UserId(),
                new PersonName(PersonFields.Normalize(Input.LastName), PersonFields.Normalize(Input.FirstName),
                    string.IsNullOrWhiteSpace(Input.MiddleName) ? null : PersonFields.Normalize(Input.MiddleName)),
                municipalityId, Input.OrganisationId!.Value, Input.PositionId!.Value, Input.SubjectId, Actor, region.Now, key);
            db.Applications.Add(application);
        }
        else
        {
            application = await FindAsync(id.Value, ct);
            if (application is null)
                return NotFound();
            if (!application.IsEditable)
            {
                this.Refuse("Заявление подано и недоступно для изменения.");
                return RedirectToPage("./Details", new { id });
            }

            // Saved meanwhile in another tab or by someone else: nothing is overwritten, nothing typed is lost.
            if (Version is { } seen && application.ChangedSince(seen))
            {
                ChangedMeanwhile = application.EventsSince(seen);
                ModelState.AddModelError(string.Empty,
                    "Заявление изменили, пока вы его редактировали. Ваши данные остались в форме: проверьте изменения ниже и сохраните ещё раз.");
                ModelState.Remove(nameof(Version));
                Version = application.LastEventNumber;
                await LoadPageAsync(application, ct);
                return Page();
            }
        }

        if (SafeSave.RefusalOf(() => application.UpdateDraft(Input.ToDetails(municipalityId), Actor, region.Now)) is { } invalid)
        {
            ModelState.AddModelError(string.Empty, invalid);
            return await RedisplayAsync(id, ct);
        }

        var refusal = then is null ? null : await SafeSave.RefusalOfAsync(() => then(application));
        var saved = await db.TrySaveAsync(_ => Task.CompletedTask, ct,
            duplicate: creating ? "Черновик заявления уже сохранён." : null);
        if (saved.Refusal is { } notSaved)
        {
            // A duplicate is the same form's other post, which created the draft a moment earlier: this one lands on it.
            if (creating)
                StatusMessage = notSaved;
            else
                this.Refuse(notSaved);
            return creating ? RedirectToPage("./Edit", new { id = application.Id }) : RedirectToPage("./Details", new { id = application.Id });
        }

        if (refusal is not null)
        {
            // The typed fields are saved as a draft; the refused action is explained above the form, in red.
            StatusMessage = "Черновик сохранён.";
            this.Refuse(refusal);
            return RedirectToPage("./Edit", new { id = application.Id });
        }

        StatusMessage = message;
        return redirectToDetails
            ? RedirectToPage("./Details", new { id = application.Id })
            : RedirectToPage("./Edit", new { id = application.Id });
    }

    /// <summary>The lists are a convenience: a forged post cannot name a workplace outside the teacher's municipality.</summary>
    private async Task<int> CheckChoicesAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var municipalityId = await db.Users.Where(u => u.Id == userId).Select(u => u.MunicipalityId).SingleAsync(ct) ?? 0;
        if (Input.OrganisationId is { } organisationId
            && !await db.Organisations.AnyAsync(o => o.Id == organisationId && o.MunicipalityId == municipalityId && o.IsActive, ct))
            ModelState.AddModelError("Input.OrganisationId", "Выберите образовательную организацию вашего муниципалитета из списка.");
        if (Input.PositionId is { } positionId && !await db.Positions.AnyAsync(p => p.Id == positionId && p.IsActive, ct))
            ModelState.AddModelError("Input.PositionId", "Выберите должность из списка.");
        if (Input.SubjectId is { } subjectId && !await db.Subjects.AnyAsync(s => s.Id == subjectId && s.IsActive, ct))
            ModelState.AddModelError("Input.SubjectId", "Выберите предмет из списка.");
        foreach (var (field, message) in Input.ToDetails(municipalityId).Contradictions(region.Today))
            ModelState.AddModelError($"Input.{field}", message);
        if (Input.Grounds == AttestationGrounds.Simplified && !SimplifiedForm.Grounds.Contains(Input.SimplifiedGround ?? ""))
            ModelState.AddModelError("Input.SimplifiedGround",
                "Выберите основание для упрощённой формы из списка или отметьте «на общих основаниях».");
        return municipalityId;
    }

    private async Task<IActionResult> RedisplayAsync(Guid? id, CancellationToken ct)
    {
        Application? application = null;
        if (id is { } existing)
        {
            application = await FindAsync(existing, ct);
            if (application is null)
                return NotFound();
            if (!application.IsEditable)
            {
                // A stale tab: the application was submitted meanwhile, so the form no longer applies.
                this.Refuse("Заявление подано и недоступно для изменения.");
                return RedirectToPage("./Details", new { id });
            }
        }
        await LoadPageAsync(application, ct);
        return Page();
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.OwnedBy(User).Include(a => a.Documents).Include(a => a.Events).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);

    private async Task LoadPageAsync(Application? application, CancellationToken ct)
    {
        var userId = User.UserId();
        var municipalityId = await db.Users.Where(u => u.Id == userId).Select(u => u.MunicipalityId).SingleAsync(ct);
        Organisations = await db.OrganisationOptionsAsync(municipalityId, ct);
        Positions = await db.PositionOptionsAsync(ct);
        Subjects = await db.SubjectOptionsAsync(ct);
        if (application is null)
            return;

        Id = application.Id;
        Status = application.Status;
        RejectionReason = application.RejectionReason;
        Documents = application.Documents.OrderBy(d => d.UploadedAt).ToList();
        Warnings = await warnings.ForAsync(application, ct);
        RequiredDocuments = await warnings.RequiredDocumentsAsync(application, ct);
        SubmissionProblems = application.SubmissionProblems(RequiredDocuments);
    }

    private async Task<ApplicationInput> PrefillFromProfileAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var held = await db.HeldCategories.AsNoTracking()
            .Where(c => c.TeacherId == userId)
            .OrderByDescending(c => c.SetOn)
            .FirstOrDefaultAsync(ct);
        return new ApplicationInput
        {
            LastName = user.LastName,
            FirstName = user.FirstName,
            MiddleName = user.MiddleName,
            OrganisationId = user.OrganisationId,
            PositionId = user.PositionId,
            SubjectId = user.SubjectId,
            CurrentCategory = held?.Category ?? QualificationCategory.None,
            CurrentCategoryExpiresOn = held?.ExpiresOn,
            CurrentCategoryDecisionNumber = held?.DecisionNumber,
            CurrentCategoryDecisionDate = held?.DecisionDate,
        };
    }
}
