namespace Attestation.Domain.Tests;

public class RegionClockTests
{
    [Theory]
    [InlineData("2025-12-12T16:59:59Z", "2025-12-12")]
    [InlineData("2025-12-12T17:00:00Z", "2025-12-13")]
    [InlineData("2025-12-31T16:59:59Z", "2025-12-31")]
    [InlineData("2025-12-31T17:00:00Z", "2026-01-01")]
    [InlineData("2025-12-13T00:00:00+07:00", "2025-12-13")]
    public void Today_is_the_calendar_date_in_Tomsk(string instant, string expected)
    {
        Assert.Equal(Given.Date(expected), RegionClock.Today(Given.At(instant), Given.Tomsk));
    }

    [Fact]
    public void The_day_starts_at_midnight_Tomsk_time_which_is_17_00_UTC_the_day_before()
    {
        var start = RegionClock.StartOfDay(new DateOnly(2025, 12, 13), Given.Tomsk);

        Assert.Equal(Given.At("2025-12-12T17:00:00Z"), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void The_region_zone_id_resolves_to_UTC_plus_7()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(RegionClock.RegionTimeZoneId);

        Assert.Equal(TimeSpan.FromHours(7), zone.GetUtcOffset(Given.At("2026-07-01T00:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(7), zone.GetUtcOffset(Given.At("2026-01-01T00:00:00Z")));
    }
}
