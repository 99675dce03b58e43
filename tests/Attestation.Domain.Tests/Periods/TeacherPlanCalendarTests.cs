using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Periods;

public class TeacherPlanCalendarTests
{
    [Fact]
    public void The_plan_counts_back_from_the_last_day_to_apply_three_months_before_the_end()
    {
        var dates = TeacherPlanCalendar.For(new DateOnly(2027, 5, 15));

        Assert.Equal(new DateOnly(2027, 2, 15), dates.ApplyBy);
        Assert.Equal(new DateOnly(2027, 1, 26), dates.CabinetDataBy);
        Assert.Equal(new DateOnly(2027, 2, 5), dates.MaterialsBy);
        Assert.Equal(new DateOnly(2027, 2, 10), dates.ApplicationBy);
    }

    [Fact]
    public void The_end_of_a_long_month_falls_on_the_end_of_february()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), TeacherPlanCalendar.ApplyBy(new DateOnly(2027, 5, 31)));
        Assert.Equal(new DateOnly(2028, 2, 29), TeacherPlanCalendar.ApplyBy(new DateOnly(2028, 5, 30)));
    }

    [Theory]
    [InlineData("2027-01-10", "2026-09-01")]
    [InlineData("2027-06-15", "2027-02-01")]
    [InlineData("2027-12-20", "2027-08-01")]
    public void A_teacher_is_planned_in_the_month_his_cabinet_data_is_due(string expiry, string month)
    {
        var year = new SchoolYear(2026);
        Assert.Equal(DateOnly.Parse(month, System.Globalization.CultureInfo.InvariantCulture),
            TeacherPlanCalendar.PlanMonth(DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), year));
    }

    [Fact]
    public void The_expiry_range_of_a_school_year_holds_exactly_the_dates_planned_in_it()
    {
        var year = new SchoolYear(2026);
        var (from, to) = TeacherPlanCalendar.ExpiriesPlannedIn(year);

        Assert.NotNull(TeacherPlanCalendar.PlanMonth(from, year));
        Assert.NotNull(TeacherPlanCalendar.PlanMonth(to, year));
        Assert.Null(TeacherPlanCalendar.PlanMonth(from.AddDays(-1), year));
        Assert.Null(TeacherPlanCalendar.PlanMonth(to.AddDays(1), year));
        for (var day = from; day <= to; day = day.AddDays(1))
            Assert.NotNull(TeacherPlanCalendar.PlanMonth(day, year));
    }

    [Fact]
    public void A_month_of_the_plan_is_headed_by_its_name_and_year() =>
        Assert.Equal("Сентябрь 2026", TeacherPlanCalendar.MonthTitle(new DateOnly(2026, 9, 1)));
}
