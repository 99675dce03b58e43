using Attestation.Domain.Periods;

namespace Attestation.Web.Areas.Operator.Pages.Periods;

/// <summary>How the operator's period pages name a period's state.</summary>
public static class PeriodState
{
    /// <summary>The name as the coordinators' lists show it: «(ПЕРИОД ЗАКРЫТ) …» once no application can be put in.</summary>
    public static string ListName(AttestationPeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.IsOpenForScheduling(now, zone) ? period.Name : $"(ПЕРИОД ЗАКРЫТ) {period.Name}";
    }

    public static (string Text, string Css) Badge(AttestationPeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.IsClosed)
            return ("закрыт", "text-bg-secondary");
        return period.IsOpenForScheduling(now, zone)
            ? ("открыт", "text-bg-success")
            : ("срок формирования графика истёк, закрывается автоматически", "text-bg-warning");
    }

    /// <summary>The periods of a school year: those that start in it (September through August).</summary>
    public static IQueryable<AttestationPeriod> Of(this IQueryable<AttestationPeriod> periods, SchoolYear year) =>
        periods.Where(p => (p.StartYear == year.StartYear && p.StartMonth >= SchoolYear.FirstMonth)
            || (p.StartYear == year.EndYear && p.StartMonth < SchoolYear.FirstMonth));
}
