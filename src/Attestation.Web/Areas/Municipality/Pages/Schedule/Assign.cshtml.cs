using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Experts;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Schedule;

/// <summary>
/// «Заполнение графика аттестации»: a period and two experts for one application. Only open periods can be chosen and
/// only experts of the municipality's approved list of the period's school year; the server checks both whatever the
/// form sent, and the domain checks them again.
/// </summary>
public sealed class AssignModel(AttestationDbContext db, RegionTime region, ApplicationEmails emails, StaffEmails staff) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Summary Teacher { get; private set; } = null!;

    public IReadOnlyList<PeriodOption> Periods { get; private set; } = [];

    /// <summary>The period whose experts are offered: the one chosen in the form.</summary>
    public AttestationPeriod? SelectedPeriod { get; private set; }

    /// <summary>False when the school year of the chosen period has no approved list yet.</summary>
    public bool HasApprovedList { get; private set; }

    public IReadOnlyList<ExpertChoice> Experts { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите период аттестации.")]
        [Display(Name = "Период аттестации")]
        public Guid? PeriodId { get; set; }

        [Display(Name = "Первый специалист по аттестации")]
        public Guid? ExpertAId { get; set; }

        [Display(Name = "Второй специалист по аттестации")]
        public Guid? ExpertBId { get; set; }

        /// <summary>The application's version the form was read at: a save over a newer one is refused.</summary>
        public int? Version { get; set; }
    }

    public sealed record PeriodOption(Guid Id, string Text, bool Closed);

    /// <summary>The application as the seed's form shows it above the choices.</summary>
    public sealed record Summary(
        Guid Id,
        string Municipality,
        string LastName,
        string FirstName,
        string? MiddleName,
        string HeldCategory,
        DateOnly? HeldCategoryExpiresOn,
        string ClaimedCategory,
        string Position,
        string? Subject,
        string Form,
        string Organisation,
        string Status,
        bool CanBeScheduled);

    /// <param name="selectedPeriod">The period chosen in the form when «Показать специалистов периода» was pressed.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "Input.PeriodId")] Guid? selectedPeriod,
        [FromQuery(Name = "Input.ExpertAId")] Guid? expertA, [FromQuery(Name = "Input.ExpertBId")] Guid? expertB,
        [FromQuery(Name = "Input.Version")] int? version, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();

        var periodId = selectedPeriod ?? application.PeriodId ?? await NearestOpenPeriodIdAsync(ct);
        var keepsPeriod = periodId == application.PeriodId;
        Input = new InputModel
        {
            PeriodId = periodId,
            ExpertAId = expertA ?? (keepsPeriod ? application.ExpertAId : null),
            ExpertBId = expertB ?? (keepsPeriod ? application.ExpertBId : null),
            Version = version ?? application.LastEventNumber,
        };
        await LoadAsync(application, ct);
        return Page();
    }

    /// <summary>
    /// «Показать специалистов периода»: the form's choices go back to the GET of this page (post/redirect/get), so the
    /// address carries the period, the experts and the version but never the antiforgery token.
    /// </summary>
    public IActionResult OnPostShowExperts(Guid id)
    {
        ModelState.Clear();
        return RedirectToPage(new RouteValueDictionary
        {
            ["id"] = id,
            ["Input.PeriodId"] = Input.PeriodId,
            ["Input.ExpertAId"] = Input.ExpertAId,
            ["Input.ExpertBId"] = Input.ExpertBId,
            ["Input.Version"] = Input.Version,
        });
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();

        // Another coordinator (or another tab) changed the application after this form was opened: nothing is overwritten.
        if (ModelState.IsStale(application, Input.Version, "Input.Version", current => Input.Version = current))
        {
            await LoadAsync(application, ct);
            return Page();
        }

        var period = Input.PeriodId is { } periodId ? await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct) : null;
        if (Input.PeriodId is not null && period is null)
            ModelState.AddModelError("Input.PeriodId", "Выберите период аттестации из списка.");
        else if (period is not null && !period.IsOpenForScheduling(region.Now, region.Zone))
            ModelState.AddModelError("Input.PeriodId",
                $"Период «{period.Name}» закрыт: график формируется до {PeriodCalendar.ScheduleDeadlineDay} числа месяца, предшествующего периоду. Выберите открытый период.");

        var list = period is null
            ? null
            : await db.ApprovedExpertLists.Include(l => l.Entries)
                .SingleOrDefaultAsync(l => l.SchoolYearStart == period.SchoolYear.StartYear, ct);
        CheckExperts(application, period, list);

        if (!ModelState.IsValid)
        {
            await LoadAsync(application, ct);
            return Page();
        }

        var actor = new Actor(User.UserId(), Roles.MunicipalCoordinator);
        var before = (application.Status, application.PeriodId, application.ExpertAId, application.ExpertBId);
        var sent = false;
        var saved = await db.TrySaveAsync(async token =>
        {
            if (Input.ExpertAId is { } expertA && Input.ExpertBId is { } expertB)
                application.Schedule(period!, expertA, expertB, list!, actor, region.Now, region.Zone);
            else
                application.AssignPeriod(period!, actor, region.Now, region.Zone);
            if (Input.ExpertAId is not null
                && before != (ApplicationStatus.Scheduled, application.PeriodId, application.ExpertAId, application.ExpertBId))
                sent = await QueueScheduledAsync(application, period!, changed: before.Status == ApplicationStatus.Scheduled, token);
            // An expert replaced on a scheduled application: the new one and the one taken off are told.
            if (before is { Status: ApplicationStatus.Scheduled, ExpertAId: { } oldA, ExpertBId: { } oldB }
                && application is { ExpertAId: { } newA, ExpertBId: { } newB })
                await staff.QueueExpertsReplacedAsync(application, period!, [oldA, oldB], [newA, newB], token);
        }, ct, Notices.ChangedMeanwhile(application.FullName));
        saved.ReportTo(ModelState);

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            application = await FindAsync(id, ct);
            if (application is null)
                return NotFound();
            await LoadAsync(application, ct);
            return Page();
        }

        if (Input.ExpertAId is null)
        {
            StatusMessage = $"{application.FullName}: назначен период «{period!.Name}». Назначьте двух специалистов по аттестации.";
            return RedirectToPage("./Fill");
        }

        StatusMessage = $"{application.FullName}: назначены период «{period!.Name}» и два специалиста по аттестации.";
        if (before != (ApplicationStatus.Scheduled, application.PeriodId, application.ExpertAId, application.ExpertBId))
        {
            StatusMessage += sent ? " Педагогу отправлено письмо." : " У педагога не указан адрес электронной почты: сообщите ему о назначении.";
        }

        return RedirectToPage("./Fill");
    }

    /// <summary>«Назначены период аттестации и специалисты»: the teacher learns the period and who the experts are.</summary>
    private async Task<bool> QueueScheduledAsync(Application application, AttestationPeriod period, bool changed,
        CancellationToken ct)
    {
        var teacher = await db.RecipientAsync(application.TeacherId, ct);
        if (teacher is null)
            return false;
        var expertIds = new[] { application.ExpertAId!.Value, application.ExpertBId!.Value };
        var experts = await db.PeopleAsync(expertIds, ct);
        var names = expertIds.Select(id => experts.GetValueOrDefault(id)?.FullName ?? "—").ToList();
        return emails.QueueScheduled(teacher, period.PrepositionalName, names, changed, application.Id);
    }

    /// <summary>The choices the domain would refuse, reported next to the fields that hold them.</summary>
    private void CheckExperts(Application application, AttestationPeriod? period, ApprovedExpertList? list)
    {
        var (a, b) = (Input.ExpertAId, Input.ExpertBId);
        if (a is null && b is null)
        {
            // A period alone may be set before the experts are chosen; a scheduled application keeps its two experts.
            if (application.Status == ApplicationStatus.Scheduled)
                ModelState.AddModelError("Input.ExpertAId", "Выберите двух специалистов по аттестации.");
            return;
        }

        if (a is null)
            ModelState.AddModelError("Input.ExpertAId", "Выберите второго специалиста по аттестации: их должно быть два.");
        if (b is null)
            ModelState.AddModelError("Input.ExpertBId", "Выберите второго специалиста по аттестации: их должно быть два.");
        if (a is not null && a == b)
            ModelState.AddModelError("Input.ExpertBId",
                "Один и тот же специалист выбран дважды: выберите двух разных специалистов по аттестации.");
        if (period is null)
            return;

        if (list is null)
        {
            ModelState.AddModelError("Input.ExpertAId",
                $"Список специалистов по аттестации на {period.SchoolYear} учебный год не утверждён: назначить специалистов нельзя.");
            return;
        }

        foreach (var (field, expert) in new[] { ("Input.ExpertAId", a), ("Input.ExpertBId", b) })
        {
            if (expert is { } expertId && !list.IsApproved(expertId, application.MunicipalityId))
                ModelState.AddModelError(field,
                    $"Специалист не включён в утверждённый список специалистов по аттестации вашего муниципалитета на {list.SchoolYear} учебный год.");
        }
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.InMunicipalityOf(User).SingleOrDefaultAsync(a => a.Id == id, ct);

    private async Task<Guid?> NearestOpenPeriodIdAsync(CancellationToken ct)
    {
        var today = region.Today;
        var periods = await db.Periods.AsNoTracking().Where(p => !p.IsClosed).ToListAsync(ct);
        return PeriodCalendar.NearestOpenPeriod(periods.Where(p => p.EndDate >= today), region.Now, region.Zone)?.Id;
    }

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        var names = await db.RowOfAsync(application.Id, ct);
        Teacher = new Summary(
            application.Id,
            names.Municipality,
            application.LastName,
            application.FirstName,
            application.MiddleName,
            application.CurrentCategory.ToRussian(),
            application.CurrentCategoryExpiresOn,
            application.ClaimedCategory?.ToRussian() ?? "",
            names.Position,
            names.Subject,
            application.Form?.ToRussian() ?? "",
            names.Organisation,
            application.StatusText,
            application.CanSchedule);

        // Periods that have not ended yet, and the application's own: closed ones are shown, and cannot be chosen.
        var today = region.Today;
        var periods = await db.Periods.AsNoTracking().OrderBy(p => p.StartYear).ThenBy(p => p.StartMonth).ToListAsync(ct);
        Periods = periods
            .Where(p => p.EndDate >= today || p.Id == application.PeriodId)
            .Select(p =>
            {
                var closed = !p.IsOpenForScheduling(region.Now, region.Zone);
                return new PeriodOption(p.Id, closed ? $"(ПЕРИОД ЗАКРЫТ) {p.Name}" : p.Name, closed);
            })
            .ToList();

        SelectedPeriod = periods.Find(p => p.Id == Input.PeriodId);
        Experts = SelectedPeriod is null ? [] : await ExpertsAsync(application, SelectedPeriod, ct);
    }

    /// <summary>The municipality's approved experts of the period's school year, in the suggestion order.</summary>
    private async Task<IReadOnlyList<ExpertChoice>> ExpertsAsync(Application application, AttestationPeriod period, CancellationToken ct)
    {
        var (hasList, experts) = await ExpertChoices.ForAsync(db, application, period, ct);
        HasApprovedList = hasList;
        return experts;
    }
}
