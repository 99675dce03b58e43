using Attestation.Domain;
using Attestation.Domain.Applications;

namespace Attestation.Web.Infrastructure;

/// <summary>How dates look everywhere: dd.MM.yyyy in the region's time zone.</summary>
public static class RegionDates
{
    public const string DateFormat = "dd.MM.yyyy";
    public const string DateTimeFormat = "dd.MM.yyyy HH:mm";

    private static TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tomsk");

    /// <summary>Set once at start-up from the region options.</summary>
    public static void UseZone(TimeZoneInfo zone) => _zone = zone;

    public static string ToRegionDate(this DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString(DateFormat, WebSetup.Russian);

    public static string ToRegionDateTime(this DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString(DateTimeFormat, WebSetup.Russian);

    /// <summary>The region's calendar day of an instant (an Excel date cell).</summary>
    public static DateOnly ToRegionDay(this DateTimeOffset instant) => RegionClock.Today(instant, _zone);

    public static string ToRussianDate(this DateOnly date) => date.ToString(DateFormat, WebSetup.Russian);
}

/// <summary>The colour of a status badge and of a deadline's traffic light.</summary>
public static class StatusBadge
{
    public static string CssClass(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "text-bg-secondary",
        ApplicationStatus.Rejected => "text-bg-danger",
        ApplicationStatus.Withdrawn => "text-bg-dark",
        ApplicationStatus.Decided => "text-bg-success",
        ApplicationStatus.ConclusionUploaded => "text-bg-warning",
        _ => "text-bg-primary",
    };

    public static string CssClass(TrafficLight light) => light switch
    {
        TrafficLight.Green => "text-bg-success",
        TrafficLight.Amber => "text-bg-warning",
        _ => "text-bg-danger",
    };
}
