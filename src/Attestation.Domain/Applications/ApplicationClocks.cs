using Attestation.Domain.Periods;
using Attestation.Domain.Rules;

namespace Attestation.Domain.Applications;

/// <summary>
/// The two clocks that run per application, computed and never hand-counted: 30 days to consider it, at most 60 days for
/// the attestation. Calendar days in the region's zone throughout.
/// </summary>
public static class ApplicationClocks
{
    /// <summary>
    /// «Заявления … рассматриваются в срок не более 30 календарных дней» (п. 32 of the former Порядок; the same term in the
    /// current one). The day of submission is day 0 and the deadline is that date + 30: submitted 30 August, to be
    /// considered by 29 September inclusive. (The coordinator's manual says «до 30 сентября» for the same example, one day
    /// too generous.)
    /// </summary>
    public const int ConsiderationDays = 30;

    /// <summary>«Продолжительность аттестации … не более 60 календарных дней» from its start to the commission's decision.</summary>
    public const int AttestationMaxDays = 60;

    /// <summary>30 + 60: the most a teacher waits from submission to decision when the period starts right away.</summary>
    public const int TotalMaxDays = ConsiderationDays + AttestationMaxDays;

    /// <summary>Amber covers the last seven days of a term, the deadline day included.</summary>
    public const int AmberDays = 7;

    public static DateOnly ConsiderationDeadline(DateTimeOffset submittedAt, TimeZoneInfo zone) =>
        RegionClock.Today(submittedAt, zone).AddDays(ConsiderationDays);

    /// <summary>The day of the 30-day clock on which the coordinators are reminded: a week is left, the deadline day included.</summary>
    public const int ConsiderationReminderDay = ConsiderationDays - AmberDays;

    /// <summary>The region day of submission of the applications whose clock is at the reminder day on <paramref name="today"/>.</summary>
    public static DateOnly SubmittedOnForConsiderationReminder(DateOnly today) => today.AddDays(-ConsiderationReminderDay);

    /// <summary>
    /// The latest decision date if the attestation started as soon as the application was considered. Informational only:
    /// the region routinely registers an application in autumn for a period in winter (the period is chosen to suit the
    /// expiry of the current category), so no warning is raised on it.
    /// </summary>
    public static DateOnly TotalDeadline(DateTimeOffset submittedAt, TimeZoneInfo zone) =>
        RegionClock.Today(submittedAt, zone).AddDays(TotalMaxDays);

    /// <summary>The 60th day of an attestation starting with the period (the start day is day 1).</summary>
    public static DateOnly AttestationLastDay(AttestationPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.StartDate.AddDays(AttestationMaxDays - 1);
    }

    /// <summary>Green with a week or more to go, amber in the last seven days, red once the deadline has passed.</summary>
    public static TrafficLight LightFor(DateOnly deadline, DateOnly today)
    {
        var daysLeft = deadline.DayNumber - today.DayNumber;
        return daysLeft switch
        {
            < 0 => TrafficLight.Red,
            < AmberDays => TrafficLight.Amber,
            _ => TrafficLight.Green,
        };
    }

    /// <summary>Null until the application is first submitted. The clock stops when the application is considered.</summary>
    public static ConsiderationClock? Consideration(Application application, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Consideration(application.SubmittedAt, application.ConsideredAt, now, zone);
    }

    /// <summary>The clock of an application submitted and considered at these instants (a list row has no aggregate).</summary>
    public static ConsiderationClock? Consideration(DateTimeOffset? submittedAt, DateTimeOffset? consideredAt, DateTimeOffset now,
        TimeZoneInfo zone)
    {
        if (submittedAt is null)
        {
            return null;
        }

        var submittedOn = RegionClock.Today(submittedAt.Value, zone);
        var deadline = submittedOn.AddDays(ConsiderationDays);
        DateOnly? consideredOn = consideredAt is { } considered ? RegionClock.Today(considered, zone) : null;
        var reference = consideredOn ?? RegionClock.Today(now, zone);
        var daysLeft = deadline.DayNumber - reference.DayNumber;
        var light = consideredOn is null
            ? LightFor(deadline, reference)
            : daysLeft >= 0 ? TrafficLight.Green : TrafficLight.Red;
        return new ConsiderationClock(submittedOn, deadline, consideredOn, daysLeft, light);
    }

    /// <summary>The attestation clock of an application in <paramref name="period"/>; it stops at the decision.</summary>
    public static AttestationClock Attestation(
        Application application,
        AttestationPeriod period,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(period);
        var lastDay = AttestationLastDay(period);
        var decidedOn = application.Decision?.MeetingDate;
        var reference = decidedOn ?? RegionClock.Today(now, zone);
        var daysLeft = lastDay.DayNumber - reference.DayNumber;
        var light = decidedOn is null
            ? LightFor(lastDay, reference)
            : daysLeft >= 0 ? TrafficLight.Green : TrafficLight.Red;
        return new AttestationClock(period.StartDate, lastDay, period.EndDate, decidedOn, daysLeft, light);
    }

    /// <summary>
    /// Two calendar months are 59 to 62 days, so most periods are longer than the 60 days the attestation may last: the
    /// commission has to decide before the period ends.
    /// </summary>
    public static RuleWarning? PeriodLengthWarning(AttestationPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.LengthInDays <= AttestationMaxDays)
        {
            return null;
        }

        return new RuleWarning(
            RuleCodes.PeriodExceedsAttestationLimit,
            $"{RuleSources.Order196}: продолжительность аттестации не более {AttestationMaxDays} календарных дней",
            $"Период «{period.Name}» длится {Text.Days(period.LengthInDays)}: двухмесячный период превышает {AttestationMaxDays} дней, решение должно быть принято не позднее {Text.Date(AttestationLastDay(period))}.");
    }
}
