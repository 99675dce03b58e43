using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Periods;

public class AttestationPeriodTests
{
    private static readonly Guid _operator = Given.Operator.Id;

    [Theory]
    [InlineData(2025, 9, "сентябрь-октябрь 2025")]
    [InlineData(2025, 10, "октябрь-ноябрь 2025")]
    [InlineData(2025, 11, "ноябрь-декабрь 2025")]
    [InlineData(2025, 12, "декабрь 2025-январь 2026")]
    [InlineData(2026, 1, "январь-февраль 2026")]
    [InlineData(2026, 2, "февраль-март 2026")]
    [InlineData(2026, 3, "март-апрель 2026")]
    [InlineData(2026, 4, "апрель-май 2026")]
    public void Periods_are_named_as_the_users_name_them(int year, int month, string expected)
    {
        Assert.Equal(expected, new AttestationPeriod(year, month).Name);
    }

    [Fact]
    public void The_manual_examples_read_the_same()
    {
        Assert.Equal("январь-февраль 2021", new AttestationPeriod(2021, 1).Name);
        Assert.Equal("декабрь 2020-январь 2021", new AttestationPeriod(2020, 12).Name);
    }

    [Theory]
    [InlineData(2025, 9, "в сентябре-октябре 2025 г.")]
    [InlineData(2025, 10, "в октябре-ноябре 2025 г.")]
    [InlineData(2025, 11, "в ноябре-декабре 2025 г.")]
    [InlineData(2025, 12, "в декабре 2025-январе 2026 г.")]
    [InlineData(2026, 1, "в январе-феврале 2026 г.")]
    [InlineData(2026, 2, "в феврале-марте 2026 г.")]
    [InlineData(2026, 3, "в марте-апреле 2026 г.")]
    [InlineData(2026, 4, "в апреле-мае 2026 г.")]
    [InlineData(2026, 5, "в мае-июне 2026 г.")]
    [InlineData(2026, 7, "в июле-августе 2026 г.")]
    public void Document_titles_use_the_prepositional_name(int year, int month, string expected)
    {
        Assert.Equal(expected, new AttestationPeriod(year, month).PrepositionalName);
    }

    [Fact]
    public void A_closed_period_is_listed_with_the_closed_mark()
    {
        var period = new AttestationPeriod(2018, 10);

        period.Close(_operator, Given.At("2018-09-13T02:00:00Z"), null);

        Assert.Equal("(ПЕРИОД ЗАКРЫТ) октябрь-ноябрь 2018", period.DisplayName);
        Assert.Equal("октябрь-ноябрь 2018", period.Name);
    }

    [Theory]
    [InlineData(2026, 1, "2026-01-01", "2026-02-28", 59)]
    [InlineData(2028, 1, "2028-01-01", "2028-02-29", 60)]
    [InlineData(2026, 2, "2026-02-01", "2026-03-31", 59)]
    [InlineData(2025, 9, "2025-09-01", "2025-10-31", 61)]
    [InlineData(2025, 12, "2025-12-01", "2026-01-31", 62)]
    public void A_period_covers_two_calendar_months(int year, int month, string start, string end, int days)
    {
        var period = new AttestationPeriod(year, month);

        Assert.Equal(Given.Date(start), period.StartDate);
        Assert.Equal(Given.Date(end), period.EndDate);
        Assert.Equal(days, period.LengthInDays);
        Assert.True(period.Contains(Given.Date(end)));
        Assert.False(period.Contains(Given.Date(end).AddDays(1)));
    }

    [Theory]
    [InlineData(2025, 9, 2025)]
    [InlineData(2025, 12, 2025)]
    [InlineData(2026, 4, 2025)]
    public void A_period_belongs_to_the_school_year_of_its_start(int year, int month, int schoolYear)
    {
        Assert.Equal(new SchoolYear(schoolYear), new AttestationPeriod(year, month).SchoolYear);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_month_outside_1_to_12_is_a_programming_error(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttestationPeriod(2026, month));
    }

    [Fact]
    public void Closing_records_who_when_and_why_in_UTC()
    {
        var period = Given.JanuaryFebruary2026();

        period.Close(_operator, Given.At("2025-12-10T12:00:00+07:00"), "Досрочно по решению ЦОПМиКП");

        Assert.True(period.IsClosed);
        Assert.Equal(_operator, period.ClosedBy);
        Assert.Equal(Given.At("2025-12-10T05:00:00Z"), period.ClosedAt);
        Assert.Equal(TimeSpan.Zero, period.ClosedAt!.Value.Offset);
        Assert.Equal("Досрочно по решению ЦОПМиКП", period.CloseReason);
    }

    [Fact]
    public void Closing_a_closed_period_is_refused()
    {
        var period = Given.JanuaryFebruary2026();
        period.Close(_operator, Given.ScheduleAt, null);

        var error = Assert.Throws<DomainException>(() => period.Close(_operator, Given.ScheduleAt, null));

        Assert.Equal("Период «январь-февраль 2026» уже закрыт.", error.Message);
    }

    [Fact]
    public void Reopening_an_open_period_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Given.JanuaryFebruary2026().Reopen(_operator, Given.ScheduleAt, "Ошибка"));

        Assert.Equal("Период «январь-февраль 2026» не закрыт.", error.Message);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_records_it()
    {
        var period = Given.JanuaryFebruary2026();
        period.Close(_operator, Given.ScheduleAt, null);

        Assert.Throws<DomainException>(() => period.Reopen(_operator, Given.ScheduleAt, " "));
        period.Reopen(_operator, Given.ScheduleAt.AddHours(1), "Ошибочно закрыт");

        Assert.False(period.IsClosed);
        Assert.Null(period.ClosedAt);
        Assert.Equal(_operator, period.ReopenedBy);
        Assert.Equal(Given.ScheduleAt.AddHours(1), period.ReopenedAt);
        Assert.Equal("Ошибочно закрыт", period.ReopenReason);
        Assert.Equal("январь-февраль 2026", period.DisplayName);
    }

    [Fact]
    public void The_automatic_closing_waits_until_midnight_of_the_13th_in_Tomsk()
    {
        var period = Given.JanuaryFebruary2026();

        Assert.False(period.CloseAutomaticallyIfDue(Given.At("2025-12-12T16:59:59Z"), Given.Tomsk));
        Assert.False(period.IsClosed);

        Assert.True(period.CloseAutomaticallyIfDue(Given.At("2025-12-12T17:00:00Z"), Given.Tomsk));
        Assert.True(period.IsClosed);
        Assert.Null(period.ClosedBy);
        Assert.Contains("автоматически", period.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_automatic_closing_leaves_a_closed_period_alone()
    {
        var period = Given.JanuaryFebruary2026();
        period.Close(_operator, Given.ScheduleAt, null);

        Assert.False(period.CloseAutomaticallyIfDue(Given.At("2025-12-20T00:00:00Z"), Given.Tomsk));
        Assert.Equal(_operator, period.ClosedBy);
    }

    [Fact]
    public void A_period_reopened_after_its_closing_time_stays_open_for_the_automatic_job()
    {
        var period = Given.JanuaryFebruary2026();
        period.CloseAutomaticallyIfDue(Given.ClosingTime, Given.Tomsk);
        period.Reopen(_operator, Given.At("2025-12-15T03:00:00Z"), "Дополнительное включение по согласованию");

        Assert.False(period.CloseAutomaticallyIfDue(Given.At("2025-12-16T03:00:00Z"), Given.Tomsk));
        Assert.True(period.IsOpenForScheduling(Given.At("2025-12-16T03:00:00Z"), Given.Tomsk));
    }

    [Fact]
    public void A_period_reopened_before_its_closing_time_still_closes_after_the_12th()
    {
        var period = Given.JanuaryFebruary2026();
        period.Close(_operator, Given.At("2025-12-05T03:00:00Z"), "Ошибка");
        period.Reopen(_operator, Given.At("2025-12-06T03:00:00Z"), "Закрыт по ошибке");

        Assert.True(period.IsOpenForScheduling(Given.At("2025-12-12T16:59:59Z"), Given.Tomsk));
        Assert.False(period.IsOpenForScheduling(Given.ClosingTime, Given.Tomsk));
        Assert.True(period.CloseAutomaticallyIfDue(Given.ClosingTime, Given.Tomsk));
    }

    [Fact]
    public void A_period_is_closed_for_scheduling_from_the_13th_even_before_the_job_runs()
    {
        var period = Given.JanuaryFebruary2026();

        Assert.True(period.IsOpenForScheduling(Given.At("2025-12-12T16:59:59Z"), Given.Tomsk));
        Assert.False(period.IsOpenForScheduling(Given.At("2025-12-12T17:00:00Z"), Given.Tomsk));
        Assert.False(period.IsClosed);
    }

    [Fact]
    public void Periods_get_version_7_ids()
    {
        var first = new AttestationPeriod(2026, 1);
        var second = new AttestationPeriod(2026, 1);

        Assert.Equal(7, first.Id.Version);
        Assert.NotEqual(first.Id, second.Id);
    }
}
