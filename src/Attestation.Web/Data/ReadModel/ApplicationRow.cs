using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Data.ReadModel;

/// <summary>
/// An application as every list, card, journal and document reads it: its own fields without the long texts, and the
/// names of its municipality, organisation, position and subject. Built by <see cref="ApplicationRows.ToRows"/> only,
/// so a column reads the same on every screen; composable (filter, order, page) before it is read.
/// </summary>
public sealed class ApplicationRow
{
    public Guid Id { get; init; }

    public Guid TeacherId { get; init; }

    public ApplicationStatus Status { get; init; }

    public string LastName { get; init; } = "";

    public string FirstName { get; init; } = "";

    public string? MiddleName { get; init; }

    public int MunicipalityId { get; init; }

    public string Municipality { get; init; } = "";

    public int OrganisationId { get; init; }

    public string Organisation { get; init; } = "";

    public int PositionId { get; init; }

    public string Position { get; init; } = "";

    public int? SubjectId { get; init; }

    public string? Subject { get; init; }

    public QualificationCategory CurrentCategory { get; init; }

    public DateOnly? CurrentCategoryExpiresOn { get; init; }

    public QualificationCategory? ClaimedCategory { get; init; }

    public AttestationForm? Form { get; init; }

    public bool WantsToAttendMeeting { get; init; }

    /// <summary>The grounds of the simplified form, when the application claims it.</summary>
    public string? SimplifiedGrounds { get; init; }

    /// <summary>Claims the simplified form.</summary>
    public bool Simplified => SimplifiedGrounds is not null;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FirstSubmittedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? ConsideredAt { get; init; }

    public DateTimeOffset? RegisteredAt { get; init; }

    public string? RegistrationNumber { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    public DateTimeOffset? RejectedAt { get; init; }

    public string? RejectionReason { get; init; }

    public Guid? PeriodId { get; init; }

    /// <summary>The period's first year and month (null without a period): <see cref="PeriodName"/>.</summary>
    public int? PeriodStartYear { get; init; }

    public int? PeriodStartMonth { get; init; }

    public Guid? ExpertAId { get; init; }

    public Guid? ExpertBId { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public ConclusionRow? Conclusion { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    public Guid? VerifiedBy { get; init; }

    public Conformity? CoordinatorMark { get; init; }

    public DecisionRow? Decision { get; init; }

    public WithdrawalRow? Withdrawal { get; init; }

    public int LastEventNumber { get; init; }

    /// <summary>«Иванова Ольга Петровна».</summary>
    public string FullName => PersonName.Join(LastName, FirstName, MiddleName);

    /// <summary>«учитель математики».</summary>
    public string PositionWithSubject => WorkText.PositionWithSubject(Position, Subject);

    /// <summary>«учитель математики, МАОУ лицей № 8».</summary>
    public string Work => WorkText.WithWorkplace(PositionWithSubject, Organisation);

    /// <summary>«январь-февраль 2026», or null without a period.</summary>
    public string? PeriodName => PeriodStartYear is { } year && PeriodStartMonth is { } month
        ? AttestationPeriod.NameOf(year, month)
        : null;

    /// <summary>A withdrawal filed and not yet registered.</summary>
    public bool WithdrawalPending => Withdrawal is { RegisteredAt: null };

    /// <summary>The status as the cabinets read it (the same words as <see cref="Application.StatusText"/>).</summary>
    public string StatusText =>
        new StatusFacts(Status, RegistrationNumber, RegisteredOn, RejectionReason, CoordinatorMark, Decision?.Outcome,
            ClaimedCategory, WithdrawalPending).Text;

    /// <summary>
    /// Whether <paramref name="action"/> may be taken now: the same rule (<see cref="ApplicationRules.Allows"/>) as
    /// <see cref="Application.Can"/>, so a list can show its buttons without loading the aggregates.
    /// </summary>
    public bool Can(ApplicationAction action) =>
        ApplicationRules.Allows(action, Status, WithdrawalPending, Simplified, ExpertAId is not null && ExpertBId is not null);

    /// <summary>The conclusion's part is over (<see cref="Application.ConclusionPartDone"/>).</summary>
    public bool ConclusionPartDone => Conclusion is { IsSigned: true } || ApplicationRules.ConclusionPartDone.Contains(Status);

    /// <summary>The 30-day consideration clock (<see cref="ApplicationClocks.Consideration(Application, DateTimeOffset, TimeZoneInfo)"/>).</summary>
    public ConsiderationClock? Consideration(DateTimeOffset now, TimeZoneInfo zone) =>
        ApplicationClocks.Consideration(SubmittedAt, ConsideredAt, now, zone);

    /// <summary>The appointed experts, the first one first.</summary>
    public IReadOnlyList<Guid> ExpertIds => new[] { ExpertAId, ExpertBId }.OfType<Guid>().ToList();
}
