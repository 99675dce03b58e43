using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Schools;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Teacher.Pages;

/// <summary>
/// The teacher's home: the application in progress with its next step, the commission's last decision and the
/// categories he holds — so that after the decision the cabinet still tells him where he stands.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : PageModel
{
    /// <summary>A teacher has a handful of applications over a career; the home looks at the latest ones only.</summary>
    public const int Latest = 20;

    public Current? Application { get; private set; }

    public LastDecision? Decision { get; private set; }

    /// <summary>Other applications not finished (a draft next to a submitted one): each still a link away.</summary>
    public IReadOnlyList<Current> Others { get; private set; } = [];

    public IReadOnlyList<HeldCategory> Categories { get; private set; } = [];

    /// <summary>No application in progress: a new one may be started.</summary>
    public bool CanApply => Application is null;

    public sealed record Current(Guid Id, ApplicationStatus Status, string StatusText, string? Claimed, string? Period,
        string? RegistrationNumber, NextStep? Next);

    public sealed record LastDecision(Guid Id, string? Claimed, DecisionOutcome Outcome, DateOnly MeetingDate,
        string ProtocolNumber, string? OrderNumber, DateOnly? OrderDate);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = region.Today;
        var applications = await db.Applications.AsNoTracking()
            .OwnedBy(User)
            .OrderByDescending(a => a.CreatedAt)
            .Take(Latest)
            .ToListAsync(ct);
        var teacherId = User.UserId();
        Categories = await db.HeldCategories.AsNoTracking()
            .Where(c => c.TeacherId == teacherId)
            .OrderByDescending(c => c.SetOn)
            .Take(Latest)
            .ToListAsync(ct);

        if (applications.Where(a => !a.Status.IsFinal()).FirstOrDefault() is { } current)
        {
            var period = current.PeriodId is { } periodId
                ? await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.StartYear, p.StartMonth }).SingleOrDefaultAsync(ct)
                : null;
            var facts = new TeacherFacts
            {
                Status = current.Status,
                WithdrawalPending = current.IsWithdrawalPending,
                SubmittedOn = current.SubmittedAt is { } submitted ? RegionClock.Today(submitted, region.Zone) : null,
                PeriodStart = period is null ? null : new DateOnly(period.StartYear, period.StartMonth, 1),
                ClaimedCategory = current.ClaimedCategory,
                Simplified = current.IsSimplified,
                CategoryExpiresOn = Categories.Where(c => c.IsCurrent(today)).Select(c => c.ExpiresOn).FirstOrDefault(),
            };
            Others = applications.Where(a => !a.Status.IsFinal() && a.Id != current.Id)
                .Select(a => new Current(a.Id, a.Status, a.Status.ToShortRussian(), a.ClaimedCategory?.ToRussian(), null, null, null))
                .ToList();
            Application = new Current(current.Id, current.Status, current.Status.ToShortRussian(), current.ClaimedCategory?.ToRussian(),
                period is null ? null : Domain.Periods.AttestationPeriod.NameOf(period.StartYear, period.StartMonth),
                current.RegistrationNumber, TeacherNextStep.Of(facts, today));
        }

        if (applications.FirstOrDefault(a => a.Decision is not null) is { Decision: { } decision } decided)
        {
            Decision = new LastDecision(decided.Id, decided.ClaimedCategory?.ToRussian(), decision.Outcome, decision.MeetingDate,
                decision.ProtocolNumber, decision.OrderNumber, decision.OrderDate);
        }
    }
}
