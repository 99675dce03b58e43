namespace Attestation.Domain;

/// <summary>
/// Turns instants into the region's calendar dates. The domain never reads the clock: callers pass
/// <c>TimeProvider.GetUtcNow()</c> and the region's zone.
/// </summary>
public static class RegionClock
{
    /// <summary>The Tomsk region's zone (UTC+7, no daylight saving); resolvable on Linux and on Windows with ICU.</summary>
    public const string RegionTimeZoneId = "Asia/Tomsk";

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>The UTC instant at which <paramref name="date"/> begins in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A zone that jumps over midnight has no 00:00 that day; the day then starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
