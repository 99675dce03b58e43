using Attestation.Domain.Applications;
using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Applications;

public class SchedulingTests
{
    private readonly AttestationPeriod _period = Given.JanuaryFebruary2026();

    private void Schedule(Application application, DateTimeOffset now, Guid? expertA = null, Guid? expertB = null) =>
        application.Schedule(_period, expertA ?? Given.ExpertA, expertB ?? Given.ExpertB, Given.ApprovedExperts(),
            Given.Coordinator, now, Given.Tomsk);

    [Fact]
    public void Scheduling_puts_a_registered_application_into_an_open_period_with_two_experts()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Schedule(application, Given.ScheduleAt);

        Assert.Equal(ApplicationStatus.Scheduled, application.Status);
        Assert.Equal(_period.Id, application.PeriodId);
        Assert.Equal(Given.ExpertA, application.ExpertAId);
        Assert.Equal(Given.ExpertB, application.ExpertBId);
        Assert.Equal([Given.ExpertA, Given.ExpertB], application.AssignedExperts);
        Assert.Equal(Given.ScheduleAt, application.ScheduledAt);
        var scheduled = application.Events[^1];
        Assert.Equal(ApplicationEventKind.Scheduled, scheduled.Kind);
        Assert.Equal("Назначены период «январь-февраль 2026» и два специалиста по аттестации", scheduled.Description);
    }

    [Fact]
    public void Scheduling_into_a_closed_period_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);
        _period.Close(Given.Operator.Id, Given.ScheduleAt.AddDays(-1), null);

        var error = Assert.Throws<DomainException>(() => Schedule(application, Given.ScheduleAt));

        Assert.StartsWith("Период «январь-февраль 2026» закрыт", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Registered, application.Status);
        Assert.Null(application.PeriodId);
    }

    [Fact]
    public void Scheduling_at_23_59_59_on_the_12th_in_Tomsk_is_still_allowed()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Schedule(application, Given.At("2025-12-12T16:59:59Z"));

        Assert.Equal(ApplicationStatus.Scheduled, application.Status);
    }

    [Fact]
    public void Scheduling_at_midnight_of_the_13th_is_refused_even_if_the_closing_job_has_not_run()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() => Schedule(application, Given.ClosingTime));
        Assert.False(_period.IsClosed);
    }

    [Fact]
    public void A_period_reopened_by_the_operator_takes_applications_again()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);
        _period.CloseAutomaticallyIfDue(Given.ClosingTime, Given.Tomsk);
        _period.Reopen(Given.Operator.Id, Given.At("2025-12-14T03:00:00Z"), "Включение по согласованию с ЦОПМиКП");

        Schedule(application, Given.At("2025-12-14T04:00:00Z"));

        Assert.Equal(ApplicationStatus.Scheduled, application.Status);
    }

    [Fact]
    public void The_same_expert_twice_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        var error = Assert.Throws<DomainException>(() => Schedule(application, Given.ScheduleAt, Given.ExpertA, Given.ExpertA));

        Assert.Equal("Нужны два разных специалиста по аттестации.", error.Message);
    }

    [Fact]
    public void An_expert_missing_from_the_approved_list_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        var error = Assert.Throws<DomainException>(() => Schedule(application, Given.ScheduleAt, Given.ExpertA, Guid.NewGuid()));

        Assert.Contains("не включён в утверждённый список специалистов на 2025/2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expert_approved_for_another_municipality_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() => Schedule(application, Given.ScheduleAt, Given.ExpertA, Given.ExpertElsewhere));
    }

    [Fact]
    public void A_list_of_another_school_year_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        var error = Assert.Throws<DomainException>(() => application.Schedule(_period, Given.ExpertA, Given.ExpertB,
            Given.ApprovedExperts(2024), Given.Coordinator, Given.ScheduleAt, Given.Tomsk));

        Assert.Contains("2024/2025", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teacher_cannot_be_his_own_expert()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() => Schedule(application, Given.ScheduleAt, Given.ExpertA, Given.TeacherId));
    }

    [Fact]
    public void A_simplified_application_does_not_go_into_the_schedule()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered, simplified: true);

        var error = Assert.Throws<DomainException>(() => Schedule(application, Given.ScheduleAt));

        Assert.StartsWith("В график включаются только заявления на общих основаниях", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheduled_application_can_be_moved_while_the_new_period_is_open()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Scheduled);
        var march = new AttestationPeriod(2026, 3);

        application.Schedule(march, Given.ExpertB, Given.ExpertC, Given.ApprovedExperts(), Given.Coordinator,
            Given.At("2026-02-01T03:00:00Z"), Given.Tomsk);

        Assert.Equal(march.Id, application.PeriodId);
        Assert.Equal((Given.ExpertB, Given.ExpertC), (application.ExpertAId!.Value, application.ExpertBId!.Value));
        Assert.StartsWith("Изменены период и специалисты", application.Events[^1].Description, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Scheduled, application.Events[^1].FromStatus);
    }

    [Fact]
    public void A_period_can_be_chosen_before_the_experts()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        application.AssignPeriod(_period, Given.Coordinator, Given.ScheduleAt, Given.Tomsk);

        Assert.Equal(ApplicationStatus.Registered, application.Status);
        Assert.Equal(_period.Id, application.PeriodId);
        Assert.Empty(application.AssignedExperts);
        Assert.Equal(ApplicationEventKind.PeriodAssigned, application.Events[^1].Kind);

        Schedule(application, Given.ScheduleAt.AddDays(1));
        Assert.Equal(ApplicationStatus.Scheduled, application.Status);
    }

    [Fact]
    public void Choosing_a_closed_period_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() => application.AssignPeriod(_period, Given.Coordinator, Given.ClosingTime, Given.Tomsk));
    }

    [Fact]
    public void Replacing_an_expert_while_the_period_is_open_records_the_reason()
    {
        var application = Given.ScheduledIn(_period);

        application.ReplaceExpert(_period, Given.ExpertB, Given.ExpertC, Given.ApprovedExperts(), "Болезнь специалиста",
            approvedByOperator: false, Given.Coordinator, Given.ScheduleAt.AddDays(2), Given.Tomsk);

        Assert.Equal(Given.ExpertA, application.ExpertAId);
        Assert.Equal(Given.ExpertC, application.ExpertBId);
        var replaced = application.Events[^1];
        Assert.Equal(ApplicationEventKind.ExpertReplaced, replaced.Kind);
        Assert.Equal("Болезнь специалиста", replaced.Reason);
        Assert.Equal("Заменён специалист по аттестации", replaced.Description);
    }

    [Fact]
    public void Replacing_an_expert_after_the_period_closed_needs_the_operators_approval()
    {
        var application = Given.ScheduledIn(_period);
        var later = Given.At("2026-01-20T03:00:00Z");

        var error = Assert.Throws<DomainException>(() => application.ReplaceExpert(_period, Given.ExpertA, Given.ExpertC,
            Given.ApprovedExperts(), "Болезнь", approvedByOperator: false, Given.Coordinator, later, Given.Tomsk));

        Assert.Contains("по согласованию с ЦОПМиКП", error.Message, StringComparison.Ordinal);
        Assert.Equal(Given.ExpertA, application.ExpertAId);
    }

    [Fact]
    public void Replacing_an_expert_after_the_period_closed_with_the_operators_approval_is_recorded_as_such()
    {
        var application = Given.ScheduledIn(_period);

        application.ReplaceExpert(_period, Given.ExpertA, Given.ExpertC, Given.ApprovedExperts(), "Болезнь",
            approvedByOperator: true, Given.Operator, Given.At("2026-01-20T03:00:00Z"), Given.Tomsk);

        Assert.Equal(Given.ExpertC, application.ExpertAId);
        Assert.Equal("Заменён специалист по аттестации (согласовано с оператором)", application.Events[^1].Description);
        Assert.Equal("Operator", application.Events[^1].ActorRole);
    }

    [Fact]
    public void Replacing_needs_a_reason()
    {
        var application = Given.ScheduledIn(_period);

        Assert.Throws<DomainException>(() => application.ReplaceExpert(_period, Given.ExpertA, Given.ExpertC,
            Given.ApprovedExperts(), " ", approvedByOperator: false, Given.Coordinator, Given.ScheduleAt, Given.Tomsk));
    }

    [Fact]
    public void Replacing_an_expert_who_is_not_assigned_is_refused()
    {
        var application = Given.ScheduledIn(_period);

        var error = Assert.Throws<DomainException>(() => application.ReplaceExpert(_period, Given.ExpertC, Given.ExpertC,
            Given.ApprovedExperts(), "Ошибка", approvedByOperator: false, Given.Coordinator, Given.ScheduleAt, Given.Tomsk));

        Assert.Equal("Заменяемый специалист не назначен на это заявление.", error.Message);
    }

    [Fact]
    public void Replacing_one_expert_by_the_other_is_refused()
    {
        var application = Given.ScheduledIn(_period);

        Assert.Throws<DomainException>(() => application.ReplaceExpert(_period, Given.ExpertA, Given.ExpertB,
            Given.ApprovedExperts(), "Ошибка", approvedByOperator: false, Given.Coordinator, Given.ScheduleAt, Given.Tomsk));
    }

    [Fact]
    public void Replacing_by_an_expert_missing_from_the_list_is_refused_even_with_approval()
    {
        var application = Given.ScheduledIn(_period);

        Assert.Throws<DomainException>(() => application.ReplaceExpert(_period, Given.ExpertA, Given.ExpertElsewhere,
            Given.ApprovedExperts(), "Болезнь", approvedByOperator: true, Given.Operator, Given.ScheduleAt, Given.Tomsk));
    }
}
