using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

public class WithdrawalTests
{
    private static readonly DateTimeOffset _fileAt = Given.At("2026-02-27T03:00:00Z");
    private static readonly DateTimeOffset _registerAt = Given.At("2026-02-28T03:00:00Z");

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Registered)]
    [InlineData(ApplicationStatus.Scheduled)]
    [InlineData(ApplicationStatus.ConclusionUploaded)]
    [InlineData(ApplicationStatus.ConclusionSigned)]
    [InlineData(ApplicationStatus.Verified)]
    public void A_withdrawal_filed_and_registered_withdraws_the_application(ApplicationStatus status)
    {
        var application = Given.ApplicationIn(status);

        application.FileWithdrawal(WithdrawalReason.Health, null, byCoordinator: false, null, Given.Teacher, _fileAt);

        Assert.True(application.IsWithdrawalPending);
        Assert.Equal(status, application.Status);
        Assert.EndsWith("(подано заявление на отзыв)", application.StatusText, StringComparison.Ordinal);

        application.RegisterWithdrawal(Given.Coordinator, _registerAt);

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.False(application.IsWithdrawalPending);
        Assert.Null(application.PeriodId);
        Assert.Empty(application.AssignedExperts);
        var withdrawal = application.Withdrawal!;
        Assert.Equal(status, withdrawal.StatusWhenFiled);
        Assert.Equal(Given.Coordinator.Id, withdrawal.RegisteredBy);
        Assert.Equal(_registerAt, withdrawal.RegisteredAt);
        var withdrawn = application.Events[^1];
        Assert.Equal(ApplicationEventKind.Withdrawn, withdrawn.Kind);
        Assert.Equal((status, ApplicationStatus.Withdrawn), (withdrawn.FromStatus, withdrawn.ToStatus));
        Assert.Equal("по состоянию здоровья", withdrawn.Reason);
        Assert.Equal("Заявление отозвано", application.StatusText);
    }

    [Fact]
    public void The_withdrawal_remembers_the_period_the_application_left()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Scheduled);
        var periodId = application.PeriodId;

        application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, _fileAt);
        application.RegisterWithdrawal(Given.Coordinator, _registerAt);

        Assert.NotNull(periodId);
        Assert.Equal(periodId, application.Withdrawal!.PeriodId);
    }

    [Fact]
    public void Withdrawing_a_submitted_application_stops_its_30_day_clock()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, Given.RegisterAt);
        application.RegisterWithdrawal(Given.Coordinator, Given.RegisterAt.AddDays(1));

        Assert.Equal(Given.RegisterAt.AddDays(1), application.ConsideredAt);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, "Черновик не отзывают: его можно просто удалить.")]
    [InlineData(ApplicationStatus.Rejected, "Отклонённое заявление не рассматривается: отзывать нечего.")]
    [InlineData(ApplicationStatus.Decided, "Решение по заявлению уже принято: отозвать его нельзя.")]
    [InlineData(ApplicationStatus.Withdrawn, "Заявление уже отозвано.")]
    public void A_withdrawal_is_refused_outside_consideration(ApplicationStatus status, string message)
    {
        var application = Given.ApplicationIn(status);

        var error = Assert.Throws<DomainException>(() =>
            application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, _fileAt));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_second_withdrawal_while_one_is_pending_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);
        application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, _fileAt);

        var error = Assert.Throws<DomainException>(() =>
            application.FileWithdrawal(WithdrawalReason.Health, null, false, null, Given.Teacher, _fileAt));

        Assert.Equal("Заявление на отзыв уже подано и ждёт регистрации.", error.Message);
    }

    [Fact]
    public void Another_reason_needs_its_text()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() =>
            application.FileWithdrawal(WithdrawalReason.Other, "  ", false, null, Given.Teacher, _fileAt));

        application.FileWithdrawal(WithdrawalReason.Other, "Переезд в другой регион", false, null, Given.Teacher, _fileAt);
        Assert.Equal("Переезд в другой регион", application.Withdrawal!.ReasonDisplay);
    }

    [Fact]
    public void A_reason_with_a_comment_reads_kind_then_text()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        application.FileWithdrawal(WithdrawalReason.Dismissal, "по собственному желанию", false, null, Given.Teacher, _fileAt);

        Assert.Equal("увольнение: по собственному желанию", application.Withdrawal!.ReasonDisplay);
        Assert.Equal("увольнение: по собственному желанию", application.Events[^1].Reason);
    }

    [Fact]
    public void The_coordinator_withdraws_on_the_teachers_behalf_only_with_the_signed_document()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Scheduled);

        var error = Assert.Throws<DomainException>(() =>
            application.FileWithdrawal(WithdrawalReason.Dismissal, null, byCoordinator: true, null, Given.Coordinator, _fileAt));
        Assert.Equal("Приложите подписанное заявление на отзыв (скан).", error.Message);

        application.FileWithdrawal(WithdrawalReason.Dismissal, null, byCoordinator: true, Given.WithdrawalFile, Given.Coordinator, _fileAt);

        Assert.True(application.Withdrawal!.ByCoordinator);
        Assert.Equal(Given.WithdrawalFile, application.Withdrawal.DocumentFileId);
        Assert.Equal(Given.Coordinator.Id, application.Withdrawal.FiledBy);
        Assert.Equal("Муниципальный координатор подал заявление на отзыв", application.Events[^1].Description);
    }

    [Fact]
    public void A_pending_withdrawal_blocks_the_next_steps()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);
        application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, Given.RegisterAt);

        var error = Assert.Throws<DomainException>(() =>
            application.Register(Given.Coordinator, "1/2026", new DateOnly(2025, 10, 10), Given.RegisterAt));

        Assert.Equal(
            "Нельзя зарегистрировать заявление: подано заявление на отзыв, его нужно сначала зарегистрировать или отменить.",
            error.Message);
    }

    [Fact]
    public void A_pending_withdrawal_can_be_cancelled()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);
        application.FileWithdrawal(WithdrawalReason.Dismissal, null, false, null, Given.Teacher, _fileAt);

        application.CancelWithdrawal(Given.Teacher, _registerAt);

        Assert.Null(application.Withdrawal);
        Assert.False(application.IsWithdrawalPending);
        Assert.Equal(ApplicationStatus.Registered, application.Status);
        Assert.Equal(ApplicationEventKind.WithdrawalCancelled, application.Events[^1].Kind);
    }

    [Fact]
    public void Registering_or_cancelling_without_a_pending_withdrawal_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() => application.RegisterWithdrawal(Given.Coordinator, _registerAt));
        Assert.Throws<DomainException>(() => application.CancelWithdrawal(Given.Teacher, _registerAt));
    }
}
