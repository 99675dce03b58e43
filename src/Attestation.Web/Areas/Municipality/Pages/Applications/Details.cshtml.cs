using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Rules;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Applications;

/// <summary>
/// «Просмотреть заявление»: the application with its documents, the rule warnings and the history, and the two
/// decisions of the registration step — «Зарегистрировать» (the number and date come from the system) or «Отклонить»
/// (with a reason the teacher receives by e-mail).
/// </summary>
public sealed class DetailsModel(
    AttestationDbContext db,
    ApplicationView view,
    ApplicationWarnings warnings,
    ApplicationEmails emails,
    ApplicationRegistration registration,
    RegionTime region) : PageModel
{
    /// <summary>The list the «Зарегистрировать» button of the journal posts from: the answer returns there.</summary>
    public const string FromJournal = "journal";

    public ApplicationDetailsView View { get; private set; } = null!;

    /// <summary>The files of the card, each downloaded through this cabinet's own file page.</summary>
    public ApplicationFilesCard Files => new(View, fileId => Url.Page("./File", new { id = View.Application.Id, fileId }));

    public IReadOnlyList<RuleWarning> Warnings { get; private set; } = [];

    public TeacherContact Teacher { get; private set; } = null!;

    public sealed record TeacherContact(string? Phone, string? Email, DateTimeOffset RegisteredAt);

    [BindProperty]
    public RejectInput Reject { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class RejectInput
    {
        [Required(ErrorMessage = "Укажите причину отклонения: педагог получит её в письме и увидит в личном кабинете.")]
        [StringLength(Application.ReasonMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Причина отклонения")]
        public string? Reason { get; set; }

        /// <summary>The application's version the form was read at: a save over a newer one is refused.</summary>
        public int? Version { get; set; }
    }

    public bool CanConsider => View.Application.CanRegister;

    /// <summary>
    /// «Зарегистрировать» was pressed on an application with warnings: the page lists them and asks to confirm
    /// (a form, so it works without scripts); <see cref="From"/> is where the answer returns.
    /// </summary>
    public bool ConfirmRegistration { get; private set; }

    public string? From { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        await LoadAsync(application, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, string? from, bool confirmed, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        // Registering an application the rules warn about is a decision taken with the warnings in view.
        if (!confirmed && application.CanRegister && await warnings.OfSavedAsync(application.Id, ct) is { Count: > 0 } found)
        {
            await LoadAsync(application, ct, found);
            ConfirmRegistration = true;
            From = from;
            return Page();
        }

        var outcome = await registration.RegisterAsync(application, Actor, ct);
        if (outcome.Refusal is { } refusal)
        {
            this.Refuse(refusal);
            return Back(id, from);
        }

        StatusMessage = $"{application.FullName}: заявление зарегистрировано, № {outcome.Number} от {outcome.On.ToRussianDate()}. "
            + (outcome.LetterSent ? "Педагогу отправлено письмо." : "У педагога не указан адрес электронной почты: сообщите ему о регистрации.");
        return Back(id, from);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        if (ModelState.IsStale(application, Reject.Version, "Reject.Version", current => Reject.Version = current)
            || !ModelState.IsValid)
        {
            await LoadAsync(application, ct);
            return Page();
        }

        var sent = false;
        var saved = await db.TrySaveAsync(async token =>
        {
            application.Reject(Actor, Reject.Reason!, region.Now);
            var coordinator = await db.CoordinatorContactAsync(User.UserId(), token);
            var submittedOn = RegionClock.Today(application.SubmittedAt!.Value, region.Zone);
            sent = await db.RecipientAsync(application.TeacherId, token) is { } teacher
                && emails.QueueRejected(teacher, submittedOn, application.RejectionReason!, coordinator, application.Id);
        }, ct, Notices.ChangedMeanwhile(application.FullName));
        if (saved.ReportTo(ModelState))
        {
            db.ChangeTracker.Clear();
            application = await FindAsync(id, ct);
            if (application is null)
                return NotFound();
            await LoadAsync(application, ct);
            return Page();
        }

        StatusMessage = $"{application.FullName}: заявление отклонено. "
            + (sent ? "Педагогу отправлено письмо с причиной отклонения. " : "У педагога не указан адрес электронной почты. ")
            + "Статус заявления смотрят не все: желательно позвонить педагогу.";
        return RedirectToPage(new { id });
    }

    private Actor Actor => new(User.UserId(), Roles.MunicipalCoordinator);

    private RedirectToPageResult Back(Guid id, string? from) =>
        from == FromJournal ? RedirectToPage("/Registration/Index") : RedirectToPage(new { id });

    /// <summary>The coordinator's municipality only, and only what the teacher has submitted: a draft is his own.</summary>
    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.InMunicipalityOf(User)
            .Where(a => a.SubmittedAt != null)
            .Include(a => a.Documents)
            .Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);

    private async Task LoadAsync(Application application, CancellationToken ct, IReadOnlyList<RuleWarning>? found = null)
    {
        View = await view.BuildAsync(application, ct);
        Reject.Version ??= application.LastEventNumber;
        Warnings = found ?? await warnings.OfSavedAsync(application.Id, ct);
        Teacher = await db.Users.AsNoTracking()
            .Where(u => u.Id == application.TeacherId)
            .Select(u => new TeacherContact(u.PhoneNumber, u.Email, u.CreatedAt))
            .SingleAsync(ct);
    }
}
