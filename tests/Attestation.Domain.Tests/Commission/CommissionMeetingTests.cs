using Attestation.Domain.Applications;
using Attestation.Domain.Commission;

namespace Attestation.Domain.Tests.Commission;

public sealed class CommissionMeetingTests
{
    private static readonly DateOnly MeetingDay = new(2026, 2, 26);

    /// <summary>The region's date the orders are recorded on: a month after the meeting.</summary>
    private static readonly DateOnly Today = MeetingDay.AddDays(30);

    private static CommissionMeeting Meeting() => new(MeetingDay, "3", Given.Operator.Id, Given.DecideAt);

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Scheduled)]
    [InlineData(ApplicationStatus.ConclusionSigned)]
    public void Only_verified_applications_go_before_the_commission(ApplicationStatus status)
    {
        var error = Assert.Throws<DomainException>(() => Meeting().Add(Given.ApplicationIn(status)));
        Assert.Contains("только проверенные", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_is_listed_once()
    {
        var meeting = Meeting();
        var application = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(application);

        Assert.Throws<DomainException>(() => meeting.Add(application));
        Assert.Single(meeting.Items);
    }

    [Fact]
    public void A_decision_is_recorded_on_the_item_and_applied_to_the_application()
    {
        var meeting = Meeting();
        var application = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(application);

        meeting.Decide(application, DecisionOutcome.Established, Given.Operator, Given.DecideAt, Given.Tomsk);

        Assert.Equal(DecisionOutcome.Established, meeting.Items[0].Outcome);
        Assert.Equal(ApplicationStatus.Decided, application.Status);
        Assert.Equal(MeetingDay, application.Decision!.MeetingDate);
        Assert.Equal("3", application.Decision.ProtocolNumber);
    }

    [Fact]
    public void Deciding_an_application_not_on_the_list_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Meeting().Decide(Given.ApplicationIn(ApplicationStatus.Verified), DecisionOutcome.Refused, Given.Operator, Given.DecideAt, Given.Tomsk));
        Assert.Contains("не включено", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_is_not_recorded_before_the_day_of_the_meeting()
    {
        var meeting = Meeting();
        var application = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(application);
        // 23:30 on the eve in Tomsk (16:30 UTC): still the day before.
        var eve = RegionClock.StartOfDay(MeetingDay, Given.Tomsk).AddMinutes(-30);

        var error = Assert.Throws<DomainException>(() => meeting.Decide(application, DecisionOutcome.Established, Given.Operator, eve, Given.Tomsk));

        Assert.Equal("Заседание назначено на 26.02.2026: решение комиссии можно записать в день заседания или позже.", error.Message);
        Assert.Equal(ApplicationStatus.Verified, application.Status);
        Assert.Null(meeting.Items[0].Outcome);
        meeting.Decide(application, DecisionOutcome.Established, Given.Operator, eve.AddMinutes(30), Given.Tomsk);
        Assert.Equal(ApplicationStatus.Decided, application.Status);
    }

    [Fact]
    public void The_order_is_not_dated_after_today()
    {
        var meeting = Meeting();
        var application = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(application);
        meeting.Decide(application, DecisionOutcome.Established, Given.Operator, Given.DecideAt, Given.Tomsk);

        var error = Assert.Throws<DomainException>(() => meeting.RecordOrder("125-р", Today.AddDays(1), Today));

        Assert.Equal("Дата распоряжения не может быть позже сегодняшнего дня (28.03.2026).", error.Message);
        Assert.False(meeting.HasOrder);
        meeting.RecordOrder("125-р", Today, Today);
        Assert.True(meeting.HasOrder);
    }

    [Fact]
    public void The_order_cannot_predate_the_meeting()
    {
        var meeting = Meeting();
        Assert.Throws<DomainException>(() => meeting.RecordOrder("125-р", MeetingDay.AddDays(-1), Today));
        meeting.RecordOrder("125-р", MeetingDay.AddDays(5), Today);
        Assert.True(meeting.HasOrder);
        Assert.Equal("125-р", meeting.OrderNumber);
    }

    [Fact]
    public void An_undecided_application_can_be_taken_off_the_list()
    {
        var meeting = Meeting();
        var kept = Given.ApplicationIn(ApplicationStatus.Verified);
        var removed = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(kept);
        meeting.Add(removed);

        meeting.Remove(removed.Id);

        Assert.Equal(kept.Id, Assert.Single(meeting.Items).ApplicationId);
        Assert.Equal(ApplicationStatus.Verified, removed.Status);
        // Off the list, it may go before this or another meeting again.
        meeting.Add(removed);
        Assert.Equal(2, meeting.Items.Count);
    }

    [Fact]
    public void A_decided_application_stays_on_the_list()
    {
        var meeting = Meeting();
        var application = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(application);
        meeting.Decide(application, DecisionOutcome.Refused, Given.Operator, Given.DecideAt, Given.Tomsk);

        var error = Assert.Throws<DomainException>(() => meeting.Remove(application.Id));
        Assert.Contains("уже принято решение", error.Message, StringComparison.Ordinal);
        Assert.Single(meeting.Items);
    }

    [Fact]
    public void Removing_an_application_not_on_the_list_is_refused() =>
        Assert.Throws<DomainException>(() => Meeting().Remove(Given.ApplicationIn(ApplicationStatus.Verified).Id));

    [Fact]
    public void The_order_waits_for_a_decision_on_every_application_on_the_list()
    {
        var meeting = Meeting();
        var decided = Given.ApplicationIn(ApplicationStatus.Verified);
        var undecided = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(decided);
        meeting.Add(undecided);
        meeting.Decide(decided, DecisionOutcome.Established, Given.Operator, Given.DecideAt, Given.Tomsk);

        var error = Assert.Throws<DomainException>(() => meeting.RecordOrder("125-р", MeetingDay.AddDays(5), Today));
        Assert.Contains("без решения: 1", error.Message, StringComparison.Ordinal);
        Assert.False(meeting.HasOrder);

        meeting.Remove(undecided.Id);
        meeting.RecordOrder("125-р", MeetingDay.AddDays(5), Today);
        Assert.True(meeting.HasOrder);
    }

    [Fact]
    public void After_the_order_the_list_and_its_decisions_are_final()
    {
        var meeting = Meeting();
        var decided = Given.ApplicationIn(ApplicationStatus.Verified);
        meeting.Add(decided);
        meeting.Decide(decided, DecisionOutcome.Established, Given.Operator, Given.DecideAt, Given.Tomsk);
        meeting.RecordOrder("125-р", MeetingDay.AddDays(5), Today);

        Assert.Throws<DomainException>(() => meeting.Add(Given.ApplicationIn(ApplicationStatus.Verified)));
        Assert.Throws<DomainException>(() => meeting.Remove(decided.Id));
        var again = Assert.Throws<DomainException>(() => meeting.RecordOrder("126-р", MeetingDay.AddDays(6), Today));
        Assert.Contains("№ 125-р от 03.03.2026", again.Message, StringComparison.Ordinal);
        Assert.Equal("125-р", meeting.OrderNumber);
        Assert.Equal(MeetingDay.AddDays(5), meeting.OrderDate);
    }

    [Fact]
    public void A_meeting_needs_a_protocol_number() =>
        Assert.Throws<DomainException>(() => new CommissionMeeting(MeetingDay, " ", Given.Operator.Id, Given.DecideAt));
}
