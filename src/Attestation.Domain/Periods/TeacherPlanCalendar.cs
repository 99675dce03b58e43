namespace Attestation.Domain.Periods;

/// <summary>The dates of one teacher's line in the school's «Перспективный план».</summary>
/// <param name="ExpiresOn">The last day the legacy category is in force.</param>
/// <param name="ApplyBy">The last day to apply: three months before the end (the coordinator's manual).</param>
/// <param name="CabinetDataBy">The school sends the teacher's data to open his cabinet (cyclogram, item 6).</param>
/// <param name="MaterialsBy">The teacher uploads his materials (cyclogram, item 7).</param>
/// <param name="ApplicationBy">The teacher files the application (cyclogram, item 8).</param>
public sealed record TeacherPlanDates(
    DateOnly ExpiresOn,
    DateOnly ApplyBy,
    DateOnly CabinetDataBy,
    DateOnly MaterialsBy,
    DateOnly ApplicationBy);

/// <summary>
/// The school coordinator's date rules, in one place: the planned attestation date of a teacher whose legacy category
/// ends is the last day to apply (<see cref="ReminderCalendar.ApplyBy"/>), and the cyclogram of the organisation
/// (seed 003) counts its steps back from it: 20 days for the cabinet's data, 10 for the materials, 5 for the application.
/// </summary>
public static class TeacherPlanCalendar
{
    public const int CabinetDataLeadDays = 20;
    public const int MaterialsLeadDays = 10;
    public const int ApplicationLeadDays = 5;

    public static DateOnly ApplyBy(DateOnly expiresOn) => ReminderCalendar.ApplyBy(expiresOn);

    public static TeacherPlanDates For(DateOnly expiresOn)
    {
        var applyBy = ApplyBy(expiresOn);
        return new TeacherPlanDates(
            expiresOn,
            applyBy,
            applyBy.AddDays(-CabinetDataLeadDays),
            applyBy.AddDays(-MaterialsLeadDays),
            applyBy.AddDays(-ApplicationLeadDays));
    }

    /// <summary>
    /// The expiry dates whose plan starts (the cabinet's data is due) within <paramref name="year"/>: the range the
    /// plan's query filters on, so that the list stays bounded and the rule stays here.
    /// </summary>
    public static (DateOnly From, DateOnly To) ExpiriesPlannedIn(SchoolYear year) =>
        (FirstExpiryStartingOnOrAfter(year.FirstDay), FirstExpiryStartingOnOrAfter(year.LastDay.AddDays(1)).AddDays(-1));

    /// <summary>The month (its first day) of <paramref name="year"/> in which a teacher's plan starts; null outside the year.</summary>
    public static DateOnly? PlanMonth(DateOnly expiresOn, SchoolYear year)
    {
        var start = For(expiresOn).CabinetDataBy;
        return year.Contains(start) ? new DateOnly(start.Year, start.Month, 1) : null;
    }

    /// <summary>«Сентябрь 2026»: the heading of a month of the plan.</summary>
    public static string MonthTitle(DateOnly month)
    {
        var name = RussianMonths.Nominative(month.Month);
        return $"{char.ToUpperInvariant(name[0])}{name[1..]} {month.Year}";
    }

    /// <summary>The earliest expiry date whose cabinet data is due on or after <paramref name="day"/>.</summary>
    private static DateOnly FirstExpiryStartingOnOrAfter(DateOnly day)
    {
        // Start a few days early («three months» is not a fixed number of days) and walk forward: the start day grows
        // with the expiry date, never falling back.
        var candidate = day.AddDays(CabinetDataLeadDays).AddMonths(ReminderCalendar.ApplyMonthsBeforeExpiry).AddDays(-4);
        while (For(candidate).CabinetDataBy < day)
            candidate = candidate.AddDays(1);
        while (For(candidate.AddDays(-1)).CabinetDataBy >= day)
            candidate = candidate.AddDays(-1);
        return candidate;
    }
}
