using Attestation.Domain.Applications;
using Attestation.Domain.Experts;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Expert.Pages;

/// <summary>
/// The attestee's file as the expert studies it: the application, its documents and links (read-only), the school
/// coordinator to call, the conclusion so far, and the procedure of the seed as a checklist the expert ticks.
/// </summary>
public sealed class AttesteeModel(AttestationDbContext db, ApplicationView view, IFileStore files, RegionTime region) : PageModel
{
    public ApplicationDetailsView View { get; private set; } = null!;

    /// <summary>The attestee's files, downloaded through this page; the conclusion has its own card.</summary>
    public ApplicationFilesCard Files => new(View, fileId => Url.Page(null, "File", new { id = View.Application.Id, fileId }),
        WithConclusion: false);

    public IReadOnlyList<ProcedureStep> Steps { get; private set; } = [];

    /// <summary>The signed-in expert's ticks by step code.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> MyTicks { get; private set; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>The colleague's ticks by step code, shown beside one's own.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> ColleagueTicks { get; private set; } = new Dictionary<string, DateTimeOffset>();

    public IReadOnlyList<CoordinatorContact> Coordinators { get; private set; } = [];

    /// <summary>The attestee's own phone and e-mail, once the expert asked for them (the view is recorded).</summary>
    public AttesteeContacts? Contacts { get; private set; }

    public sealed record AttesteeContacts(string? Phone, string? WorkPhone, string? Email);

    public Guid Me { get; private set; }

    public DateOnly Today { get; private set; }

    public string? ConclusionUploader { get; private set; }

    public bool IsOverdue => View.Deadlines is { } d && IndexModel.IsOverdue(View.Application.Status, d.ConclusionUploadedBy, Today);

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null)
            return NotFound();
        await LoadAsync(application, ct);
        return Page();
    }

    /// <summary>
    /// «Показать телефон и адрес электронной почты»: only an expert the application is assigned to (and visible to)
    /// gets them, and the view goes into the attestee's account history (who, when, for which application).
    /// </summary>
    public async Task<IActionResult> OnGetContactsAsync(Guid id, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null)
            return NotFound();
        Contacts = await db.Users.AsNoTracking().Where(u => u.Id == application.TeacherId)
            .Select(u => new AttesteeContacts(u.PhoneNumber, u.WorkPhone, u.Email))
            .SingleAsync(ct);
        db.AccountEvents.Add(new AccountEvent(application.TeacherId, AccountEventKind.ContactsViewed, region.Now, User.UserId(),
            $"Заявление № {application.RegistrationNumber}: контакты аттестуемого для согласования дат встречи"));
        await db.SaveChangesAsync(ct);
        await LoadAsync(application, ct);
        return Page();
    }

    /// <summary>A document or conclusion of the attestee: only ids that belong to this application are served.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null || !application.FileIds().Contains(fileId))
            return NotFound();
        var file = await files.OpenAsync(fileId, ct);
        return file is null ? NotFound() : this.Attachment(file);
    }

    public async Task<IActionResult> OnPostTickAsync(Guid id, string? step, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null)
            return NotFound();
        var procedureStep = await ManualStepAsync(application, step, ct);
        if (procedureStep is null)
            return BadRequest();

        var me = User.UserId();
        if (!await db.ExpertChecklistTicks.AnyAsync(t => t.ApplicationId == id && t.ExpertId == me && t.Step == procedureStep.Code, ct))
        {
            db.ExpertChecklistTicks.Add(new ExpertChecklistTick(id, me, procedureStep.Code, region.Now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
            {
                // Ticked in another tab a moment ago: the step is done either way.
            }
        }

        StatusMessage = $"Отмечено: «{procedureStep.Text}».";
        return RedirectToPage(null, null, new { id }, "procedure");
    }

    public async Task<IActionResult> OnPostUntickAsync(Guid id, string? step, CancellationToken ct)
    {
        var application = await db.FindVisibleAsync(User, id, region.Today, tracking: false, ct);
        if (application is null)
            return NotFound();
        var procedureStep = await ManualStepAsync(application, step, ct);
        if (procedureStep is null)
            return BadRequest();

        var me = User.UserId();
        await db.ExpertChecklistTicks
            .Where(t => t.ApplicationId == id && t.ExpertId == me && t.Step == procedureStep.Code)
            .ExecuteDeleteAsync(ct);
        StatusMessage = $"Отметка снята: «{procedureStep.Text}».";
        return RedirectToPage(null, null, new { id }, "procedure");
    }

    /// <summary>The step of this attestee's procedure named by the form; null for anything else (a forged post).</summary>
    private async Task<ProcedureStep?> ManualStepAsync(Application application, string? code, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == application.PeriodId, ct);
        var hands = await db.Municipalities.Where(m => m.Id == application.MunicipalityId)
            .Select(m => m.HandsConclusionsToSubjectGroup).SingleAsync(ct);
        return ExpertProcedure.For(period, application.Form, hands)
            .SingleOrDefault(s => s.Code == code && !s.IsAutomatic);
    }

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Me = User.UserId();
        Today = region.Today;
        View = await view.BuildAsync(application, ct);
        var hands = View.Deadlines?.ConclusionToSubjectGroupBy is not null;
        Steps = View.Period is null ? [] : ExpertProcedure.For(View.Period, application.Form, hands);

        var ticks = await db.ExpertChecklistTicks.AsNoTracking()
            .Where(t => t.ApplicationId == application.Id)
            .Select(t => new { t.ExpertId, t.Step, t.TickedAt })
            .ToListAsync(ct);
        MyTicks = ticks.Where(t => t.ExpertId == Me).ToDictionary(t => t.Step, t => t.TickedAt);
        var colleague = application.AssignedExperts.FirstOrDefault(e => e != Me);
        ColleagueTicks = ticks.Where(t => t.ExpertId == colleague && colleague != Guid.Empty)
            .ToDictionary(t => t.Step, t => t.TickedAt);

        Coordinators = (await db.SchoolCoordinatorsAsync([application.OrganisationId], ct))
            .GetValueOrDefault(application.OrganisationId) ?? [];

        if (application.Conclusion is { } conclusion)
        {
            var uploader = conclusion.UploadedBy;
            ConclusionUploader = uploader == Me
                ? "вами"
                : (await db.PeopleAsync([uploader], ct)).GetValueOrDefault(uploader)?.FullName;
        }
    }
}
