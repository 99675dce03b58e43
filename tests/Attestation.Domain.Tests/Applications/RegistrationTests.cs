using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

public class RegistrationTests
{
    [Fact]
    public void Registering_records_the_journal_number_and_stops_the_30_day_clock()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        application.Register(Given.Coordinator, " 12/2026 ", new DateOnly(2025, 10, 10), Given.RegisterAt);

        Assert.Equal(ApplicationStatus.Registered, application.Status);
        Assert.Equal("12/2026", application.RegistrationNumber);
        Assert.Equal(new DateOnly(2025, 10, 10), application.RegisteredOn);
        Assert.Equal(Given.RegisterAt, application.RegisteredAt);
        Assert.Equal(Given.Coordinator.Id, application.RegisteredBy);
        Assert.Equal(Given.RegisterAt, application.ConsideredAt);
        var registered = application.Events[^1];
        Assert.Equal(ApplicationEventKind.Registered, registered.Kind);
        Assert.Equal("Заявление зарегистрировано: № 12/2026 от 10.10.2025", registered.Description);
        Assert.Equal("MunicipalCoordinator", registered.ActorRole);
    }

    [Fact]
    public void Registering_without_a_number_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        var error = Assert.Throws<DomainException>(() =>
            application.Register(Given.Coordinator, "  ", new DateOnly(2025, 10, 10), Given.RegisterAt));

        Assert.Equal("Не заполнено поле «Регистрационный номер».", error.Message);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void Rejecting_records_the_reason_for_the_teacher()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        application.Reject(Given.Coordinator, "Неправильно указана должность", Given.RegisterAt);

        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("Неправильно указана должность", application.RejectionReason);
        Assert.Equal(Given.Coordinator.Id, application.RejectedBy);
        Assert.Equal(Given.RegisterAt, application.ConsideredAt);
        Assert.Equal("Заявление отклонено: Неправильно указана должность", application.StatusText);
        var rejected = application.Events[^1];
        Assert.Equal(ApplicationEventKind.Rejected, rejected.Kind);
        Assert.Equal("Неправильно указана должность", rejected.Reason);
        Assert.Equal(Given.Coordinator.Id, rejected.ActorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Rejecting_without_a_reason_is_refused(string? reason)
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        var error = Assert.Throws<DomainException>(() => application.Reject(Given.Coordinator, reason!, Given.RegisterAt));

        Assert.Equal("Не заполнено поле «Причина отклонения».", error.Message);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void A_registered_application_cannot_be_rejected_any_more()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        var error = Assert.Throws<DomainException>(() => application.Reject(Given.Coordinator, "Ошибка", Given.RegisterAt));

        Assert.Equal("Нельзя отклонить заявление: статус заявления «Зарегистрировано».", error.Message);
    }
}
