using System.Linq.Expressions;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Domain.Rules;

namespace Attestation.Domain.Tests.Applications;

public class ApplicationClocksTests
{
    [Theory]
    [InlineData("2021-08-30T03:00:00Z", "2021-09-29")]
    [InlineData("2025-08-29T18:00:00Z", "2025-09-29")]
    [InlineData("2025-08-29T16:59:59Z", "2025-09-28")]
    [InlineData("2025-01-31T03:00:00Z", "2025-03-02")]
    [InlineData("2028-01-31T03:00:00Z", "2028-03-01")]
    [InlineData("2025-02-28T03:00:00Z", "2025-03-30")]
    [InlineData("2025-12-31T03:00:00Z", "2026-01-30")]
    [InlineData("2025-12-02T03:00:00Z", "2026-01-01")]
    public void The_application_is_considered_within_30_days_counted_from_the_Tomsk_date_of_submission(string submittedAt, string deadline)
    {
        Assert.Equal(Given.Date(deadline), ApplicationClocks.ConsiderationDeadline(Given.At(submittedAt), Given.Tomsk));
    }

    [Theory]
    [InlineData("2025-09-22", TrafficLight.Green)]
    [InlineData("2025-09-23", TrafficLight.Amber)]
    [InlineData("2025-09-29", TrafficLight.Amber)]
    [InlineData("2025-09-30", TrafficLight.Red)]
    [InlineData("2025-08-30", TrafficLight.Green)]
    public void The_light_turns_amber_for_the_last_seven_days_and_red_after_the_deadline(string today, TrafficLight expected)
    {
        Assert.Equal(expected, ApplicationClocks.LightFor(new DateOnly(2025, 9, 29), Given.Date(today)));
    }

    [Fact]
    public void A_draft_has_no_clock()
    {
        Assert.Null(ApplicationClocks.Consideration(Given.Draft(), Given.SubmitAt, Given.Tomsk));
    }

    [Theory]
    [InlineData("2025-10-20T03:00:00Z", 12, TrafficLight.Green)]
    [InlineData("2025-10-26T03:00:00Z", 6, TrafficLight.Amber)]
    [InlineData("2025-11-01T16:59:59Z", 0, TrafficLight.Amber)]
    [InlineData("2025-11-01T17:00:00Z", -1, TrafficLight.Red)]
    public void A_waiting_application_counts_down_at_Tomsk_midnight(string now, int daysLeft, TrafficLight light)
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        var clock = ApplicationClocks.Consideration(application, Given.At(now), Given.Tomsk)!;

        Assert.Equal(new DateOnly(2025, 10, 2), clock.SubmittedOn);
        Assert.Equal(new DateOnly(2025, 11, 1), clock.Deadline);
        Assert.True(clock.IsRunning);
        Assert.Equal(daysLeft, clock.DaysLeft);
        Assert.Equal(light, clock.Light);
        Assert.Equal(daysLeft < 0, clock.IsOverdue);
    }

    [Fact]
    public void The_clock_stops_at_registration_and_stays_green_when_in_time()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        var clock = ApplicationClocks.Consideration(application, Given.At("2026-05-01T00:00:00Z"), Given.Tomsk)!;

        Assert.False(clock.IsRunning);
        Assert.Equal(new DateOnly(2025, 10, 10), clock.ConsideredOn);
        Assert.Equal(22, clock.DaysLeft);
        Assert.Equal(TrafficLight.Green, clock.Light);
    }

    [Fact]
    public void A_late_registration_stays_red()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);
        application.Register(Given.Coordinator, "1/2025", new DateOnly(2025, 11, 2), Given.At("2025-11-02T03:00:00Z"));

        var clock = ApplicationClocks.Consideration(application, Given.At("2025-12-01T00:00:00Z"), Given.Tomsk)!;

        Assert.Equal(-1, clock.DaysLeft);
        Assert.Equal(TrafficLight.Red, clock.Light);
    }

    [Fact]
    public void A_resubmission_starts_a_new_30_day_clock()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Rejected);
        application.Submit(Given.Teacher, Given.At("2025-10-20T03:00:00Z"));

        var clock = ApplicationClocks.Consideration(application, Given.At("2025-10-21T03:00:00Z"), Given.Tomsk)!;

        Assert.True(clock.IsRunning);
        Assert.Equal(new DateOnly(2025, 11, 19), clock.Deadline);
    }

    [Fact]
    public void The_whole_way_from_submission_to_decision_is_at_most_90_days()
    {
        Assert.Equal(90, ApplicationClocks.TotalMaxDays);
        Assert.Equal(new DateOnly(2025, 12, 31), ApplicationClocks.TotalDeadline(Given.At("2025-10-02T03:00:00Z"), Given.Tomsk));
    }

    [Theory]
    [InlineData(2026, 1, "2026-03-01")]
    [InlineData(2025, 9, "2025-10-30")]
    [InlineData(2028, 1, "2028-02-29")]
    public void The_attestation_may_last_60_days_from_the_start_of_the_period(int year, int month, string lastDay)
    {
        Assert.Equal(Given.Date(lastDay), ApplicationClocks.AttestationLastDay(new AttestationPeriod(year, month)));
    }

    [Theory]
    [InlineData(2026, 1)]
    [InlineData(2028, 1)]
    [InlineData(2026, 2)]
    public void A_period_of_at_most_60_days_raises_no_warning(int year, int month)
    {
        Assert.Null(ApplicationClocks.PeriodLengthWarning(new AttestationPeriod(year, month)));
    }

    [Theory]
    [InlineData(2025, 9, "Период «сентябрь-октябрь 2025» длится 61 день")]
    [InlineData(2025, 12, "Период «декабрь 2025-январь 2026» длится 62 дня")]
    [InlineData(2026, 3, "Период «март-апрель 2026» длится 61 день")]
    public void A_two_month_period_longer_than_60_days_is_warned_about(int year, int month, string start)
    {
        var warning = ApplicationClocks.PeriodLengthWarning(new AttestationPeriod(year, month));

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.PeriodExceedsAttestationLimit, warning.Code);
        Assert.StartsWith(start, warning.Message, StringComparison.Ordinal);
        Assert.Contains("двухмесячный период превышает 60 дней", warning.Message, StringComparison.Ordinal);
        Assert.Contains("196", warning.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-10T03:00:00Z", TrafficLight.Green, 50)]
    [InlineData("2026-02-23T03:00:00Z", TrafficLight.Amber, 6)]
    [InlineData("2026-03-02T03:00:00Z", TrafficLight.Red, -1)]
    public void The_attestation_clock_runs_to_the_60th_day(string now, TrafficLight light, int daysLeft)
    {
        var application = Given.ApplicationIn(ApplicationStatus.Scheduled);

        var clock = ApplicationClocks.Attestation(application, Given.JanuaryFebruary2026(), Given.At(now), Given.Tomsk);

        Assert.Equal(new DateOnly(2026, 1, 1), clock.StartsOn);
        Assert.Equal(new DateOnly(2026, 3, 1), clock.LastDay);
        Assert.False(clock.PeriodExceedsLimit);
        Assert.Equal(light, clock.Light);
        Assert.Equal(daysLeft, clock.DaysLeft);
    }

    [Fact]
    public void The_attestation_clock_stops_at_the_decision()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Decided);

        var clock = ApplicationClocks.Attestation(application, Given.JanuaryFebruary2026(), Given.At("2026-06-01T00:00:00Z"), Given.Tomsk);

        Assert.Equal(new DateOnly(2026, 2, 26), clock.DecidedOn);
        Assert.Equal(TrafficLight.Green, clock.Light);
    }

    [Fact]
    public void A_December_January_period_ends_after_the_60th_day()
    {
        var clock = ApplicationClocks.Attestation(Given.ApplicationIn(ApplicationStatus.Registered),
            new AttestationPeriod(2025, 12), Given.At("2025-12-01T00:00:00Z"), Given.Tomsk);

        Assert.True(clock.PeriodExceedsLimit);
        Assert.Equal(new DateOnly(2026, 1, 29), clock.LastDay);
    }
}

public class ConsiderationLightFilterTests
{
    /// <summary>The query condition and the card's clock agree on every hour of the days around both boundaries.</summary>
    [Theory]
    [InlineData(TrafficLight.Green)]
    [InlineData(TrafficLight.Amber)]
    [InlineData(TrafficLight.Red)]
    public void The_light_as_a_query_condition_agrees_with_the_clock_of_each_application(TrafficLight light)
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);
        var submittedOn = RegionClock.Today(Given.SubmitAt, Given.Tomsk);
        var agreed = 0;
        for (var day = 20; day <= 33; day++)
        {
            var today = submittedOn.AddDays(day);
            var matches = ApplicationFilters.ConsiderationLight(light, today, Given.Tomsk).Compile();
            // The form a compiled statement binds to its parameters, bound here to the day's bounds.
            var bounds = ConsiderationBounds.Of(today, Given.Tomsk);
            var bound = ApplicationFilters.ConsiderationLight(light)
                .Bind<Application>(Expression.Constant(bounds.RedBefore), Expression.Constant(bounds.AmberBefore)).Compile();
            var now = RegionClock.StartOfDay(today, Given.Tomsk).AddHours(12);
            var clock = ApplicationClocks.Consideration(application, now, Given.Tomsk)!;
            Assert.Equal(clock.Light == light, matches(application));
            Assert.Equal(clock.Light == light, bound(application));
            agreed += clock.Light == light ? 1 : 0;
        }
        // Each light is met somewhere in the range, so the comparison is not vacuous.
        Assert.True(agreed > 0);
    }
}
