using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Periods;

public sealed class ScheduleApprovalTests
{
    private static readonly Guid OperatorId = Given.Operator.Id;

    /// <summary>The 13th of December 2025, 09:00 in Tomsk: «январь-февраль 2026» closed for scheduling at midnight.</summary>
    private static readonly DateTimeOffset AfterTheTwelfth = new(2025, 12, 13, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_open_period_cannot_be_approved()
    {
        var period = Given.JanuaryFebruary2026();

        var error = Assert.Throws<DomainException>(() =>
            period.ApproveSchedule(7, "Город Томск", OperatorId, new DateTimeOffset(2025, 12, 12, 10, 0, 0, TimeSpan.Zero), Given.Tomsk));

        Assert.Contains("ещё открыт", error.Message, StringComparison.Ordinal);
        Assert.Empty(period.Events);
    }

    [Fact]
    public void After_the_twelfth_the_approval_of_a_municipality_is_an_event_of_the_period_with_who()
    {
        var period = Given.JanuaryFebruary2026();

        var approval = period.ApproveSchedule(7, "Город Томск", OperatorId, AfterTheTwelfth, Given.Tomsk);

        Assert.Equal((period.Id, 7, OperatorId, AfterTheTwelfth), (approval.PeriodId, approval.MunicipalityId, approval.ApprovedBy, approval.ApprovedAt));
        var approved = Assert.Single(period.Events);
        Assert.Equal(PeriodEventKind.ScheduleApproved, approved.Kind);
        Assert.Equal(OperatorId, approved.ActorId);
        Assert.Equal("Утверждён график муниципального образования «Город Томск»", approved.Description);
    }

    [Fact]
    public void A_period_closed_by_hand_before_the_twelfth_can_be_approved()
    {
        var period = Given.JanuaryFebruary2026();
        var early = new DateTimeOffset(2025, 12, 5, 3, 0, 0, TimeSpan.Zero);
        period.Close(OperatorId, early, "График сформирован досрочно");

        period.ApproveSchedule(7, "Город Томск", OperatorId, early.AddHours(1), Given.Tomsk);

        Assert.Equal([PeriodEventKind.Closed, PeriodEventKind.ScheduleApproved], period.Events.Select(e => e.Kind));
    }
}
