namespace Attestation.Domain.Periods;

/// <summary>The deadlines of a period that somebody is reminded of (SPEC §4; the coordinator's manual; seed 000).</summary>
public enum PeriodStep
{
    /// <summary>Applications registered by the 11th of the month before the period.</summary>
    Registration,

    /// <summary>The schedule (a period and two experts) completed by the 12th of the month before.</summary>
    Schedule,

    /// <summary>The experts prepare «не менее чем за 14 дней до начала срока проведения аттестации».</summary>
    ExpertPreparation,

    /// <summary>Every final conclusion in the system by the 15th of the period's second month.</summary>
    ConclusionUpload,
}

/// <summary>
/// On which day each reminder goes out: pure date arithmetic in the region's calendar, so that the job only asks «what
/// is due today» and the tests move a clock. A reminder comes a little before its deadline (the coordinators on the 9th
/// for the 11th and on the 10th for the 12th, the experts on the 10th for the 15th); the operator is told on the deadline
/// day itself who is behind.
/// </summary>
public static class ReminderCalendar
{
    /// <summary>A draft not submitted for this many days is reminded of once.</summary>
    public const int DraftReminderAfterDays = 7;

    /// <summary>
    /// «На все вопросы о крайнем сроке подачи заявления на аттестацию отвечаем: „За 3 месяца до окончания срока действия
    /// кв. категории“» (the coordinator's manual): regional advice, so that pay does not lapse.
    /// </summary>
    public const int ApplyMonthsBeforeExpiry = 3;

    public static DateOnly Deadline(PeriodStep step, AttestationPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var deadlines = PeriodCalendar.Deadlines(period);
        return step switch
        {
            PeriodStep.Registration => deadlines.RegistrationDeadline,
            PeriodStep.Schedule => deadlines.ScheduleDeadline,
            PeriodStep.ExpertPreparation => deadlines.ExpertPreparationBy,
            PeriodStep.ConclusionUpload => deadlines.ConclusionUploadedBy,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    /// <summary>How many days before its deadline the people who do the step are reminded: the 9th for the 11th, the 10th
    /// for the 12th and for the 15th; the experts' preparation on its own day, 14 days before the period.</summary>
    public static int LeadDays(PeriodStep step) => step switch
    {
        PeriodStep.Registration => 2,
        PeriodStep.Schedule => 2,
        PeriodStep.ExpertPreparation => 0,
        PeriodStep.ConclusionUpload => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static DateOnly ReminderDay(PeriodStep step, AttestationPeriod period) =>
        Deadline(step, period).AddDays(-LeadDays(step));

    /// <summary>The periods whose reminder of <paramref name="step"/> goes out on <paramref name="today"/>.</summary>
    public static IReadOnlyList<AttestationPeriod> RemindedOn(PeriodStep step, IEnumerable<AttestationPeriod> periods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.Where(p => ReminderDay(step, p) == today).OrderBy(p => p.StartDate).ToList();
    }

    /// <summary>The periods whose deadline of <paramref name="step"/> is <paramref name="today"/> (the operator's check).</summary>
    public static IReadOnlyList<AttestationPeriod> DueOn(PeriodStep step, IEnumerable<AttestationPeriod> periods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.Where(p => Deadline(step, p) == today).OrderBy(p => p.StartDate).ToList();
    }

    /// <summary>The region day a draft must have been started on to be reminded of on <paramref name="today"/>.</summary>
    public static DateOnly DraftStartedOnForReminder(DateOnly today) => today.AddDays(-DraftReminderAfterDays);

    /// <summary>The last day to apply with a legacy category expiring on <paramref name="expiresOn"/>: three months before.</summary>
    public static DateOnly ApplyBy(DateOnly expiresOn) => expiresOn.AddMonths(-ApplyMonthsBeforeExpiry);

    /// <summary>
    /// The day the holder of a legacy category expiring on <paramref name="expiresOn"/> is reminded: three months plus
    /// <paramref name="marginDays"/> before it ends.
    /// </summary>
    public static DateOnly CategoryExpiryReminderDay(DateOnly expiresOn, int marginDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(marginDays);
        return ApplyBy(expiresOn).AddDays(-marginDays);
    }

    /// <summary>
    /// The expiry dates reminded of on <paramref name="today"/>: every date whose <see cref="CategoryExpiryReminderDay"/>
    /// is today. Months differ in length, so this is none (a day that «three months before» skips), one, or several (the
    /// 29th to the 31st of May all map to the end of February); every expiry date maps to exactly one reminder day.
    /// </summary>
    public static IReadOnlyList<DateOnly> ExpiriesRemindedOn(DateOnly today, int marginDays)
    {
        var approximate = today.AddDays(marginDays).AddMonths(ApplyMonthsBeforeExpiry);
        return Enumerable.Range(-4, 9)
            .Select(approximate.AddDays)
            .Where(expiry => CategoryExpiryReminderDay(expiry, marginDays) == today)
            .ToList();
    }
}
