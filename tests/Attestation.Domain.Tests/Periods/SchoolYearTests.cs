using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Periods;

public class SchoolYearTests
{
    [Fact]
    public void A_school_year_runs_from_1_September_to_31_August_and_reads_2025_2026()
    {
        var year = new SchoolYear(2025);

        Assert.Equal("2025/2026", year.ToString());
        Assert.Equal(new DateOnly(2025, 9, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2026, 8, 31), year.LastDay);
        Assert.True(year.Contains(new DateOnly(2025, 9, 1)));
        Assert.True(year.Contains(new DateOnly(2026, 8, 31)));
        Assert.False(year.Contains(new DateOnly(2025, 8, 31)));
        Assert.False(year.Contains(new DateOnly(2026, 9, 1)));
    }

    [Theory]
    [InlineData("2025-09-01", 2025)]
    [InlineData("2025-12-31", 2025)]
    [InlineData("2026-01-01", 2025)]
    [InlineData("2026-08-31", 2025)]
    public void The_school_year_of_a_date(string date, int startYear)
    {
        Assert.Equal(new SchoolYear(startYear), SchoolYear.Containing(Given.Date(date)));
    }

    [Theory]
    [InlineData("2025/2026", true)]
    [InlineData(" 2025 / 2026 ", true)]
    [InlineData("2025", true)]
    [InlineData("2025/2027", false)]
    [InlineData("двадцать пятый", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_school_year_parses_from_its_display_form(string? text, bool parses)
    {
        Assert.Equal(parses, SchoolYear.TryParse(text, out var year));
        Assert.Equal(parses ? new SchoolYear(2025) : default, year);
    }

    [Fact]
    public void Years_follow_each_other()
    {
        Assert.Equal(new SchoolYear(2026), new SchoolYear(2025).Following());
        Assert.Equal(new SchoolYear(2024), new SchoolYear(2025).Preceding());
    }
}
