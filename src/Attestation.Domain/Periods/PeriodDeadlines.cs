namespace Attestation.Domain.Periods;

/// <summary>The dates everybody works to for a period starting in month M (all inclusive, region's calendar).</summary>
/// <param name="RegistrationDeadline">Applications registered by the 11th of M−1.</param>
/// <param name="ScheduleDeadline">The schedule built until the 12th of M−1 inclusive; the period closes after it.</param>
/// <param name="ExpertScheduleVisibleFrom">Experts see their individual schedules «после пятнадцатого числа» of M−1.</param>
/// <param name="ExpertPreparationBy">Experts prepare «не менее чем за 14 дней до начала срока проведения аттестации».</param>
/// <param name="ConclusionToSubjectGroupBy">Tomsk and Seversk only: paper conclusion to the subject group leader by the 10th of M+1; null elsewhere.</param>
/// <param name="ConclusionToCoordinatorBy">The subject group leader hands it to the municipal coordinator by the 12th of M+1.</param>
/// <param name="ConclusionUploadedBy">Every final conclusion in the system by the 15th of M+1.</param>
public sealed record PeriodDeadlines(
    DateOnly RegistrationDeadline,
    DateOnly ScheduleDeadline,
    DateOnly ExpertScheduleVisibleFrom,
    DateOnly ExpertPreparationBy,
    DateOnly? ConclusionToSubjectGroupBy,
    DateOnly ConclusionToCoordinatorBy,
    DateOnly ConclusionUploadedBy);
