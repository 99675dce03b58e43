using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Areas.Municipality.Pages.Schedule;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Attestation.Web.Documents;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Operator.Pages.Schedule;

/// <summary>
/// «Замена специалиста»: after the period closed, «замена специалистов после утверждения графика … без согласования с
/// Центром аттестации … не допускается» (the expert's procedure), so the operator makes it here, from the consolidated
/// schedule: which of the two experts, the new one from the approved list of the municipality for the period's school
/// year, and the reason, which goes into the application's history.
/// </summary>
public sealed class ReplaceModel(AttestationDbContext db, StaffEmails staff, RegionTime region) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Summary Attestee { get; private set; } = null!;

    /// <summary>The two experts now assigned, as the schedule prints them.</summary>
    public IReadOnlyList<(Guid Id, string Text)> Current { get; private set; } = [];

    /// <summary>The approved experts of the municipality who may take the place, the two assigned left out.</summary>
    public IReadOnlyList<ExpertChoice> Experts { get; private set; } = [];

    public bool HasApprovedList { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Выберите специалиста, которого нужно заменить.")]
        [Display(Name = "Заменяемый специалист")]
        public Guid? OldExpertId { get; set; }

        [Required(ErrorMessage = "Выберите нового специалиста по аттестации.")]
        [Display(Name = "Новый специалист по аттестации")]
        public Guid? NewExpertId { get; set; }

        [Required(ErrorMessage = "Укажите причину замены специалиста.")]
        [StringLength(Application.ReasonMaxLength, ErrorMessage = "Не более {1} символов.")]
        [Display(Name = "Причина замены")]
        public string? Reason { get; set; }

        /// <summary>The application's version the form was read at: a save over a newer one is refused.</summary>
        public int? Version { get; set; }
    }

    public sealed record Summary(
        Guid Id,
        string FullName,
        int MunicipalityId,
        string Municipality,
        string Organisation,
        string Position,
        string ClaimedCategory,
        string Form,
        AttestationPeriod Period,
        string Status,
        bool CanReplace);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application?.PeriodId is null)
            return NotFound();
        Input.Version = application.LastEventNumber;
        await LoadAsync(application, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application?.PeriodId is null)
            return NotFound();
        if (ModelState.IsStale(application, Input.Version, "Input.Version", current => Input.Version = current))
        {
            await LoadAsync(application, ct);
            return Page();
        }

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == application.PeriodId, ct);
        var list = await db.ApprovedExpertLists.Include(l => l.Entries)
            .SingleOrDefaultAsync(l => l.SchoolYearStart == period.SchoolYear.StartYear, ct);

        if (Input.OldExpertId is { } old && old != application.ExpertAId && old != application.ExpertBId)
            ModelState.AddModelError("Input.OldExpertId", "Выберите одного из двух специалистов, назначенных аттестуемому.");
        if (Input.NewExpertId is { } chosen)
        {
            if (chosen == application.ExpertAId || chosen == application.ExpertBId)
                ModelState.AddModelError("Input.NewExpertId", "Этот специалист уже назначен аттестуемому: выберите другого.");
            else if (list is null || !list.IsApproved(chosen, application.MunicipalityId))
                ModelState.AddModelError("Input.NewExpertId",
                    $"Специалист не включён в утверждённый список специалистов по аттестации муниципалитета на {period.SchoolYear} учебный год.");
        }

        if (ModelState.IsValid)
        {
            var saved = await db.TrySaveAsync(async token =>
                {
                    application.ReplaceExpert(period, Input.OldExpertId!.Value, Input.NewExpertId!.Value, list!, Input.Reason!,
                        approvedByOperator: true, new Actor(User.UserId(), Roles.Operator), region.Now, region.Zone);
                    // The expert taken off and the one put on learn it with the replacement.
                    await staff.QueueExpertsReplacedAsync(application, period, [Input.OldExpertId!.Value], [Input.NewExpertId!.Value], token);
                }, ct, Notices.ChangedMeanwhile(application.FullName));
            saved.ReportTo(ModelState);
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (current?.PeriodId is null)
                return NotFound();
            await LoadAsync(current, ct);
            return Page();
        }

        var names = await db.PeopleAsync([Input.NewExpertId!.Value], ct);
        StatusMessage =
            $"{application.FullName}: специалист заменён на {names.GetValueOrDefault(Input.NewExpertId.Value)?.WithWork ?? "нового специалиста"}. Причина записана в историю заявления.";
        return RedirectToPage("./Index", null, new { periodId = period.Id, municipalityId = application.MunicipalityId }, $"municipality-{application.MunicipalityId}");
    }

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == application.PeriodId, ct);
        var names = await db.RowOfAsync(application.Id, ct);
        Attestee = new Summary(
            application.Id,
            application.FullName,
            application.MunicipalityId,
            names.Municipality,
            names.Organisation,
            names.PositionWithSubject,
            application.ClaimedCategory?.ToRussian() ?? "",
            application.Form?.ToRussian() ?? "",
            period,
            application.StatusText,
            application.CanReplaceExpert);

        var assigned = application.AssignedExperts;
        var people = await db.PeopleAsync(assigned, ct);
        Current = assigned.Select(e => (e, people.GetValueOrDefault(e)?.WithWork ?? "удалённый пользователь")).ToList();
        var (hasList, experts) = await ExpertChoices.ForAsync(db, application, period, ct);
        HasApprovedList = hasList;
        Experts = experts.Where(e => !assigned.Contains(e.Id)).ToList();
    }
}
