using Attestation.Domain.Experts;
using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Periods;

public sealed class PeriodHistoryTests
{
    private static readonly Guid OperatorId = Given.Operator.Id;

    [Fact]
    public void Closing_by_the_operator_is_an_event_with_who_and_why()
    {
        var period = Given.JanuaryFebruary2026();
        period.Close(OperatorId, Given.ScheduleAt, "Формирование графика завершено");

        var closed = Assert.Single(period.Events);
        Assert.Equal(PeriodEventKind.Closed, closed.Kind);
        Assert.Equal(OperatorId, closed.ActorId);
        Assert.Equal("Формирование графика завершено", closed.Reason);
    }

    [Fact]
    public void The_automatic_closing_is_an_event_without_an_actor_and_happens_once()
    {
        var period = Given.JanuaryFebruary2026();
        var afterTwelfth = new DateTimeOffset(2025, 12, 12, 17, 0, 0, TimeSpan.Zero);

        Assert.True(period.CloseAutomaticallyIfDue(afterTwelfth, Given.Tomsk));
        Assert.False(period.CloseAutomaticallyIfDue(afterTwelfth.AddHours(1), Given.Tomsk));

        var closed = Assert.Single(period.Events);
        Assert.Equal(PeriodEventKind.ClosedAutomatically, closed.Kind);
        Assert.Null(closed.ActorId);
    }

    [Fact]
    public void Reopening_is_an_event_with_its_reason()
    {
        var period = Given.JanuaryFebruary2026();
        period.Close(OperatorId, Given.ScheduleAt, null);
        period.Reopen(OperatorId, Given.ScheduleAt.AddHours(1), "Замена специалиста по согласованию");

        Assert.Equal([PeriodEventKind.Closed, PeriodEventKind.Reopened], period.Events.Select(e => e.Kind));
        Assert.Equal("Замена специалиста по согласованию", period.Events[1].Reason);
    }

    [Fact]
    public void An_approval_names_the_period_the_municipality_and_the_operator()
    {
        var period = Given.JanuaryFebruary2026();
        var approval = new ScheduleApproval(period.Id, 7, OperatorId, Given.ScheduleAt);

        Assert.Equal(period.Id, approval.PeriodId);
        Assert.Equal(7, approval.MunicipalityId);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleApproval(period.Id, 0, OperatorId, Given.ScheduleAt));
        Assert.Throws<ArgumentException>(() => new ScheduleApproval(period.Id, 7, Guid.Empty, Given.ScheduleAt));
    }

    [Fact]
    public void A_checklist_tick_needs_its_step() =>
        Assert.Throws<DomainException>(() => new ExpertChecklistTick(Guid.CreateVersion7(), Given.ExpertA, " ", Given.ScheduleAt));
}
