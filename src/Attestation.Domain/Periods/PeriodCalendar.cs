namespace Attestation.Domain.Periods;

/// <summary>
/// The yearly calendar of periods and the deadlines derived from a period (the municipal coordinator's manual, 2021,
/// and the expert's «Процедурные мероприятия»).
/// </summary>
public static class PeriodCalendar
{
    public const int RegistrationDeadlineDay = 11;
    public const int ScheduleDeadlineDay = 12;
    public const int ExpertScheduleVisibleFromDay = 16;
    public const int ExpertPreparationDays = 14;
    public const int ConclusionToSubjectGroupDay = 10;
    public const int ConclusionToCoordinatorDay = 12;
    public const int ConclusionUploadDay = 15;

    /// <summary>Periods start September through April: сентябрь-октябрь … апрель-май.</summary>
    public static IReadOnlyList<int> DefaultStartMonths { get; } = [9, 10, 11, 12, 1, 2, 3, 4];

    public static IReadOnlyList<AttestationPeriod> Generate(SchoolYear year) =>
        DefaultStartMonths
            .Select(month => new AttestationPeriod(month >= SchoolYear.FirstMonth ? year.StartYear : year.EndYear, month))
            .ToList();

    /// <summary>The default periods of the year that are not among <paramref name="existing"/> yet.</summary>
    public static IReadOnlyList<AttestationPeriod> Missing(SchoolYear year, IEnumerable<AttestationPeriod> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var have = existing.Select(p => (p.StartYear, p.StartMonth)).ToHashSet();
        return Generate(year).Where(p => !have.Contains((p.StartYear, p.StartMonth))).ToList();
    }

    public static DateOnly RegistrationDeadline(AttestationPeriod period) => DayOfMonthBefore(period, RegistrationDeadlineDay);

    /// <summary>The last day the schedule of the period may be built (inclusive).</summary>
    public static DateOnly ScheduleDeadline(AttestationPeriod period) => DayOfMonthBefore(period, ScheduleDeadlineDay);

    /// <summary>The instant the period is due to close: 00:00 of the day after the schedule deadline, region time.</summary>
    public static DateTimeOffset ClosingTime(AttestationPeriod period, TimeZoneInfo zone) =>
        RegionClock.StartOfDay(ScheduleDeadline(period).AddDays(1), zone);

    /// <summary>True from 00:00 of the 13th of the month before the period, in the region's zone.</summary>
    public static bool ShouldBeClosed(AttestationPeriod period, DateTimeOffset now, TimeZoneInfo zone) =>
        RegionClock.Today(now, zone) > ScheduleDeadline(period);

    /// <param name="handsConclusionsToSubjectGroup">
    /// The municipality's <c>HandsConclusionsToSubjectGroup</c>; pass true for the regional view to see every date.
    /// </param>
    public static PeriodDeadlines Deadlines(AttestationPeriod period, bool handsConclusionsToSubjectGroup = true)
    {
        ArgumentNullException.ThrowIfNull(period);
        var secondMonth = period.StartDate.AddMonths(1);
        return new PeriodDeadlines(
            RegistrationDeadline: RegistrationDeadline(period),
            ScheduleDeadline: ScheduleDeadline(period),
            ExpertScheduleVisibleFrom: DayOfMonthBefore(period, ExpertScheduleVisibleFromDay),
            ExpertPreparationBy: period.StartDate.AddDays(-ExpertPreparationDays),
            ConclusionToSubjectGroupBy: handsConclusionsToSubjectGroup
                ? secondMonth.AddDays(ConclusionToSubjectGroupDay - 1)
                : null,
            ConclusionToCoordinatorBy: secondMonth.AddDays(ConclusionToCoordinatorDay - 1),
            ConclusionUploadedBy: secondMonth.AddDays(ConclusionUploadDay - 1));
    }

    /// <summary>
    /// The period a coordinator would schedule into now: the earliest one still open for scheduling that has not ended.
    /// </summary>
    public static AttestationPeriod? NearestOpenPeriod(
        IEnumerable<AttestationPeriod> periods,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var today = RegionClock.Today(now, zone);
        return periods
            .Where(p => p.EndDate >= today && p.IsOpenForScheduling(now, zone))
            .OrderBy(p => p.StartDate)
            .FirstOrDefault();
    }

    private static DateOnly DayOfMonthBefore(AttestationPeriod period, int day)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.StartDate.AddMonths(-1).AddDays(day - 1);
    }
}
