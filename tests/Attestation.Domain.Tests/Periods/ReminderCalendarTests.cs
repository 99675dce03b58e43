using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Periods;

public class ReminderCalendarTests
{
    private static readonly AttestationPeriod JanuaryFebruary2027 = new(2027, 1);

    [Theory]
    [InlineData(PeriodStep.Registration, "2026-12-09", "2026-12-11")]
    [InlineData(PeriodStep.Schedule, "2026-12-10", "2026-12-12")]
    [InlineData(PeriodStep.ExpertPreparation, "2026-12-18", "2026-12-18")]
    [InlineData(PeriodStep.ConclusionUpload, "2027-02-10", "2027-02-15")]
    public void Each_reminder_of_a_January_period_comes_before_its_deadline(PeriodStep step, string reminderDay, string deadline)
    {
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), ReminderCalendar.Deadline(step, JanuaryFebruary2027));
        Assert.Equal(DateOnly.Parse(reminderDay, System.Globalization.CultureInfo.InvariantCulture), ReminderCalendar.ReminderDay(step, JanuaryFebruary2027));
    }

    [Fact]
    public void The_experts_are_reminded_fourteen_days_before_the_period_starts()
    {
        var march = new AttestationPeriod(2027, 3);

        Assert.Equal(new DateOnly(2027, 2, 15), ReminderCalendar.ReminderDay(PeriodStep.ExpertPreparation, march));
        Assert.Equal(14, march.StartDate.DayNumber - ReminderCalendar.ReminderDay(PeriodStep.ExpertPreparation, march).DayNumber);
    }

    [Fact]
    public void Only_the_period_whose_day_it_is_is_reminded_of_and_only_on_that_day()
    {
        var periods = PeriodCalendar.Generate(new SchoolYear(2026));

        Assert.Empty(ReminderCalendar.RemindedOn(PeriodStep.Registration, periods, new DateOnly(2026, 12, 8)));
        Assert.Equal([JanuaryFebruary2027.Name], ReminderCalendar.RemindedOn(PeriodStep.Registration, periods, new DateOnly(2026, 12, 9)).Select(p => p.Name));
        Assert.Empty(ReminderCalendar.RemindedOn(PeriodStep.Registration, periods, new DateOnly(2026, 12, 10)));
        // May to August: no period starts next month, so nothing is due.
        Assert.Empty(ReminderCalendar.RemindedOn(PeriodStep.Registration, periods, new DateOnly(2027, 5, 9)));
        // The operator's check is on the deadline day itself.
        Assert.Equal([JanuaryFebruary2027.Name], ReminderCalendar.DueOn(PeriodStep.Schedule, periods, new DateOnly(2026, 12, 12)).Select(p => p.Name));
        Assert.Empty(ReminderCalendar.DueOn(PeriodStep.Schedule, periods, new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void On_the_10th_the_schedule_of_next_month_and_the_conclusions_of_last_month_are_due()
    {
        var periods = PeriodCalendar.Generate(new SchoolYear(2026));
        var tenthOfJanuary = new DateOnly(2027, 1, 10);

        Assert.Equal(["февраль-март 2027"], ReminderCalendar.RemindedOn(PeriodStep.Schedule, periods, tenthOfJanuary).Select(p => p.Name));
        Assert.Equal(["декабрь 2026-январь 2027"], ReminderCalendar.RemindedOn(PeriodStep.ConclusionUpload, periods, tenthOfJanuary).Select(p => p.Name));
    }

    [Fact]
    public void A_draft_is_reminded_of_on_its_seventh_day()
    {
        Assert.Equal(new DateOnly(2026, 12, 25), ReminderCalendar.DraftStartedOnForReminder(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_legacy_category_is_to_be_applied_for_three_months_before_it_ends()
    {
        Assert.Equal(new DateOnly(2027, 8, 2), ReminderCalendar.ApplyBy(new DateOnly(2027, 11, 2)));
        // With a margin of 30 days the reminder comes a month before that.
        Assert.Equal(new DateOnly(2027, 7, 3), ReminderCalendar.CategoryExpiryReminderDay(new DateOnly(2027, 11, 2), 30));
        Assert.Equal([new DateOnly(2027, 11, 2)], ReminderCalendar.ExpiriesRemindedOn(new DateOnly(2027, 7, 3), 30));
    }

    [Fact]
    public void Every_expiry_date_is_reminded_of_on_exactly_one_day_whatever_the_lengths_of_months()
    {
        foreach (var margin in new[] { 0, 14, 30 })
        {
            var reminded = new List<DateOnly>();
            for (var day = new DateOnly(2027, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
                reminded.AddRange(ReminderCalendar.ExpiriesRemindedOn(day, margin));

            var from = new DateOnly(2027, 1, 1).AddMonths(3).AddDays(margin + 4);
            var to = new DateOnly(2028, 12, 1);
            var expected = Enumerable.Range(0, to.DayNumber - from.DayNumber).Select(from.AddDays).ToList();
            Assert.Equal(expected, reminded.Where(d => d >= from && d < to).Order().ToList());
            Assert.All(reminded, d => Assert.Equal(d, reminded.Single(r => r == d)));
        }
    }

    [Fact]
    public void The_end_of_May_is_reminded_of_at_the_end_of_February()
    {
        // 29, 30 and 31 May 2027 all lie «three months» after 28 February 2027.
        Assert.Equal(
            [new DateOnly(2027, 5, 28), new DateOnly(2027, 5, 29), new DateOnly(2027, 5, 30), new DateOnly(2027, 5, 31)],
            ReminderCalendar.ExpiriesRemindedOn(new DateOnly(2027, 2, 28), 0));
        Assert.Empty(ReminderCalendar.ExpiriesRemindedOn(new DateOnly(2026, 11, 30), 0));
    }
}
