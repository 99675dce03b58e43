using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Verification;

/// <summary>
/// «Аттестовать»: the coordinator checks that the final conclusion signed by the teacher and both experts is complete
/// and marks «соответствует / не соответствует». The server accepts the mark only with the signed conclusion attached and
/// every point of the checklist confirmed.
/// </summary>
public sealed class VerifyModel(AttestationDbContext db, ApplicationEmails emails, RegionTime region) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Application Application { get; private set; } = null!;

    public AttestationPeriod? Period { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>The points to check, in the order the form shows them; each is a box of <see cref="InputModel"/>.</summary>
    public static IReadOnlyList<(string Field, string Text)> Checklist { get; } =
    [
        (nameof(InputModel.AllPages), "Итоговое заключение полное: все страницы на месте"),
        (nameof(InputModel.TeacherSigned), "Есть подпись аттестуемого"),
        (nameof(InputModel.ExpertsSigned), "Есть подписи обоих специалистов по аттестации"),
        (nameof(InputModel.RecommendationFilled), "Рекомендация специалистов заполнена (соответствует / не соответствует заявленной категории)"),
    ];

    /// <summary>
    /// A simplified-form application has no experts and no conclusion: the coordinator checks its grounds against the
    /// documents attached to it and marks it straight away (SPEC §5).
    /// </summary>
    public static IReadOnlyList<(string Field, string Text)> SimplifiedChecklist { get; } =
    [
        (nameof(InputModel.GroundsConfirmed), "Основание для прохождения аттестации по упрощенной форме подтверждено документами, приложенными к заявлению"),
    ];

    /// <summary>The checklist of this application: the conclusion's, or the simplified form's.</summary>
    public IReadOnlyList<(string Field, string Text)> Checks => IsSimplifiedCheck ? SimplifiedChecklist : Checklist;

    /// <summary>Checked on its grounds rather than on a conclusion.</summary>
    public bool IsSimplifiedCheck => Application.IsSimplified && Application.Conclusion is null;

    /// <summary>What there is to mark: the signed conclusion, or the simplified form's grounds.</summary>
    public bool CanMark => IsSimplifiedCheck || Application.Conclusion is { IsSigned: true };

    public sealed class InputModel
    {
        public bool GroundsConfirmed { get; set; }

        public bool AllPages { get; set; }

        public bool TeacherSigned { get; set; }

        public bool ExpertsSigned { get; set; }

        public bool RecommendationFilled { get; set; }

        [Required(ErrorMessage = "Выберите «соответствует» или «не соответствует».")]
        [Display(Name = "Результат проверки")]
        public Conformity? Mark { get; set; }

        /// <summary>The application's version the form was read at: a save over a newer one is refused.</summary>
        public int? Version { get; set; }

        public bool IsChecked(string field) => field switch
        {
            nameof(GroundsConfirmed) => GroundsConfirmed,
            nameof(AllPages) => AllPages,
            nameof(TeacherSigned) => TeacherSigned,
            nameof(ExpertsSigned) => ExpertsSigned,
            nameof(RecommendationFilled) => RecommendationFilled,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        Input.Mark = application.CoordinatorMark ?? application.Conclusion?.Recommendation;
        Input.Version = application.LastEventNumber;
        await LoadAsync(application, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();

        if (ModelState.IsStale(application, Input.Version, "Input.Version", current => Input.Version = current))
        {
            await LoadAsync(application, ct);
            return Page();
        }

        Application = application;
        if (!CanMark)
            ModelState.AddModelError(string.Empty,
                "Итоговое заключение, подписанное аттестуемым и двумя специалистами, не прикреплено: отметку ставить рано.");
        foreach (var (field, _) in Checks)
        {
            if (!Input.IsChecked(field))
                ModelState.AddModelError($"Input.{field}", "Проверьте и отметьте этот пункт.");
        }

        if (ModelState.IsValid)
        {
            var saved = await db.TrySaveAsync(async token =>
                {
                    application.Verify(Input.Mark!.Value, new Actor(User.UserId(), Roles.MunicipalCoordinator), region.Now);
                    if (await db.RecipientAsync(application.TeacherId, token) is { } teacher)
                        emails.QueueConclusionVerified(teacher, Input.Mark!.Value, application.Id);
                }, ct, Notices.ChangedMeanwhile(application.FullName));
            if (saved.Succeeded)
            {
                StatusMessage = $"{application.FullName}: {Input.Mark!.Value.ToRussian()} требованиям, предъявляемым к заявленной квалификационной категории.";
                return RedirectToPage("./Index", new { periodId = application.PeriodId });
            }

            saved.ReportTo(ModelState);
            db.ChangeTracker.Clear();
            application = await FindAsync(id, ct);
            if (application is null)
                return NotFound();
        }

        await LoadAsync(application, ct);
        return Page();
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.InMunicipalityOf(User).SingleOrDefaultAsync(a => a.Id == id, ct);

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Application = application;
        Period = application.PeriodId is { } periodId
            ? await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct)
            : null;
        DueOn = Period is null ? null : PeriodCalendar.Deadlines(Period).ConclusionUploadedBy;
    }
}
