using Attestation.Domain.Periods;
using Microsoft.Extensions.Time.Testing;

namespace Attestation.Domain.Tests.Periods;

public class PeriodCalendarTests
{
    [Fact]
    public void A_school_year_gets_eight_periods_from_September_to_April()
    {
        var periods = PeriodCalendar.Generate(new SchoolYear(2025));

        Assert.Equal(
            [
                "сентябрь-октябрь 2025", "октябрь-ноябрь 2025", "ноябрь-декабрь 2025", "декабрь 2025-январь 2026",
                "январь-февраль 2026", "февраль-март 2026", "март-апрель 2026", "апрель-май 2026",
            ],
            periods.Select(p => p.Name));
        Assert.All(periods, p => Assert.False(p.IsClosed));
        Assert.All(periods, p => Assert.Equal(new SchoolYear(2025), p.SchoolYear));
    }

    [Fact]
    public void Only_missing_periods_are_generated_again()
    {
        var existing = new[] { new AttestationPeriod(2025, 9), new AttestationPeriod(2026, 1), new AttestationPeriod(2026, 5) };

        var missing = PeriodCalendar.Missing(new SchoolYear(2025), existing);

        Assert.Equal(6, missing.Count);
        Assert.DoesNotContain(missing, p => p.StartMonth is 9 or 1);
    }

    [Fact]
    public void All_deadlines_of_a_January_period()
    {
        var deadlines = PeriodCalendar.Deadlines(Given.JanuaryFebruary2026());

        Assert.Equal(
            new PeriodDeadlines(
                RegistrationDeadline: new DateOnly(2025, 12, 11),
                ScheduleDeadline: new DateOnly(2025, 12, 12),
                ExpertScheduleVisibleFrom: new DateOnly(2025, 12, 16),
                ExpertPreparationBy: new DateOnly(2025, 12, 18),
                ConclusionToSubjectGroupBy: new DateOnly(2026, 2, 10),
                ConclusionToCoordinatorBy: new DateOnly(2026, 2, 12),
                ConclusionUploadedBy: new DateOnly(2026, 2, 15)),
            deadlines);
    }

    [Fact]
    public void The_deadlines_of_a_September_period_fall_in_August()
    {
        var deadlines = PeriodCalendar.Deadlines(new AttestationPeriod(2025, 9));

        Assert.Equal(new DateOnly(2025, 8, 11), deadlines.RegistrationDeadline);
        Assert.Equal(new DateOnly(2025, 8, 12), deadlines.ScheduleDeadline);
        Assert.Equal(new DateOnly(2025, 8, 16), deadlines.ExpertScheduleVisibleFrom);
        Assert.Equal(new DateOnly(2025, 8, 18), deadlines.ExpertPreparationBy);
        Assert.Equal(new DateOnly(2025, 10, 15), deadlines.ConclusionUploadedBy);
    }

    [Fact]
    public void The_deadlines_of_a_December_January_period_straddle_the_new_year()
    {
        var deadlines = PeriodCalendar.Deadlines(new AttestationPeriod(2025, 12));

        Assert.Equal(new DateOnly(2025, 11, 12), deadlines.ScheduleDeadline);
        Assert.Equal(new DateOnly(2025, 11, 17), deadlines.ExpertPreparationBy);
        Assert.Equal(new DateOnly(2026, 1, 10), deadlines.ConclusionToSubjectGroupBy);
        Assert.Equal(new DateOnly(2026, 1, 12), deadlines.ConclusionToCoordinatorBy);
        Assert.Equal(new DateOnly(2026, 1, 15), deadlines.ConclusionUploadedBy);
    }

    [Fact]
    public void Experts_prepare_14_days_before_a_March_period_counted_back_across_February()
    {
        Assert.Equal(new DateOnly(2026, 2, 15), PeriodCalendar.Deadlines(new AttestationPeriod(2026, 3)).ExpertPreparationBy);
        Assert.Equal(new DateOnly(2028, 2, 16), PeriodCalendar.Deadlines(new AttestationPeriod(2028, 3)).ExpertPreparationBy);
    }

    [Fact]
    public void Outside_Tomsk_and_Seversk_there_is_no_subject_group_deadline()
    {
        var deadlines = PeriodCalendar.Deadlines(Given.JanuaryFebruary2026(), handsConclusionsToSubjectGroup: false);

        Assert.Null(deadlines.ConclusionToSubjectGroupBy);
        Assert.Equal(new DateOnly(2026, 2, 15), deadlines.ConclusionUploadedBy);
    }

    [Theory]
    [InlineData("2025-12-12T16:59:59Z", false)]
    [InlineData("2025-12-12T23:59:00+07:00", false)]
    [InlineData("2025-12-12T17:00:00Z", true)]
    [InlineData("2025-12-13T00:00:00+07:00", true)]
    [InlineData("2025-12-12T12:00:00Z", false)]
    [InlineData("2025-11-30T00:00:00Z", false)]
    [InlineData("2026-01-15T00:00:00Z", true)]
    public void A_period_should_be_closed_from_midnight_of_the_13th_in_Tomsk(string now, bool closed)
    {
        Assert.Equal(closed, PeriodCalendar.ShouldBeClosed(Given.JanuaryFebruary2026(), Given.At(now), Given.Tomsk));
    }

    [Fact]
    public void The_closing_time_is_17_00_UTC_on_the_12th()
    {
        Assert.Equal(Given.At("2025-12-12T17:00:00Z"), PeriodCalendar.ClosingTime(Given.JanuaryFebruary2026(), Given.Tomsk));
    }

    [Fact]
    public void A_fake_clock_moved_past_the_boundary_closes_the_period()
    {
        var clock = new FakeTimeProvider(Given.At("2025-12-12T16:59:59Z"));
        var period = Given.JanuaryFebruary2026();

        Assert.False(period.CloseAutomaticallyIfDue(clock.GetUtcNow(), Given.Tomsk));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(period.CloseAutomaticallyIfDue(clock.GetUtcNow(), Given.Tomsk));
    }

    [Fact]
    public void The_nearest_open_period_is_the_earliest_one_still_open()
    {
        var periods = PeriodCalendar.Generate(new SchoolYear(2025));
        var now = Given.At("2025-10-20T03:00:00Z");

        var nearest = PeriodCalendar.NearestOpenPeriod(periods, now, Given.Tomsk);

        Assert.Equal("декабрь 2025-январь 2026", nearest?.Name);
    }

    [Fact]
    public void A_closed_period_is_skipped_when_looking_for_the_nearest_one()
    {
        var periods = PeriodCalendar.Generate(new SchoolYear(2025));
        periods[3].Close(Given.Operator.Id, Given.At("2025-10-01T03:00:00Z"), null);

        var nearest = PeriodCalendar.NearestOpenPeriod(periods, Given.At("2025-10-20T03:00:00Z"), Given.Tomsk);

        Assert.Equal("январь-февраль 2026", nearest?.Name);
    }

    [Fact]
    public void After_the_last_schedule_deadline_no_period_is_open()
    {
        var periods = PeriodCalendar.Generate(new SchoolYear(2025));

        Assert.Null(PeriodCalendar.NearestOpenPeriod(periods, Given.At("2026-03-13T03:00:00Z"), Given.Tomsk));
    }
}
