using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

public class StatusTextTests
{
    [Theory]
    [InlineData(ApplicationStatus.Draft, "Черновик", "Черновик")]
    [InlineData(ApplicationStatus.Submitted, "Подано", "Подано")]
    [InlineData(ApplicationStatus.Registered, "Заявление о проведении аттестации зарегистрировано", "Зарегистрировано")]
    [InlineData(ApplicationStatus.Rejected, "Заявление отклонено", "Отклонено")]
    [InlineData(ApplicationStatus.Scheduled, "Назначены период и эксперты", "В графике")]
    [InlineData(ApplicationStatus.ConclusionUploaded, "Прикреплено итоговое заключение", "Заключение прикреплено")]
    [InlineData(ApplicationStatus.ConclusionSigned, "Итоговое заключение подписано", "Заключение подписано")]
    [InlineData(ApplicationStatus.Verified, "Проверено координатором", "Проверено")]
    [InlineData(ApplicationStatus.Decided, "Решение принято", "Решение принято")]
    [InlineData(ApplicationStatus.Withdrawn, "Заявление отозвано", "Отозвано")]
    public void Statuses_read_as_the_teachers_know_them(ApplicationStatus status, string full, string label)
    {
        Assert.Equal(full, status.ToRussian());
        Assert.Equal(label, status.ToShortRussian());
    }

    [Fact]
    public void A_registered_application_shows_its_journal_number()
    {
        Assert.Equal("Заявление о проведении аттестации зарегистрировано (№ 12/2025 от 10.10.2025)",
            Given.ApplicationIn(ApplicationStatus.Registered).StatusText);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, false)]
    [InlineData(ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.Registered, true)]
    [InlineData(ApplicationStatus.Rejected, false)]
    [InlineData(ApplicationStatus.Scheduled, true)]
    [InlineData(ApplicationStatus.ConclusionUploaded, true)]
    [InlineData(ApplicationStatus.ConclusionSigned, true)]
    [InlineData(ApplicationStatus.Verified, true)]
    [InlineData(ApplicationStatus.Decided, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    public void In_progress_means_submitted_and_not_finished(ApplicationStatus status, bool inProgress)
    {
        Assert.Equal(inProgress, status.IsInProgress());
        Assert.Equal(inProgress, status.CanBeWithdrawn());
    }

    [Theory]
    [InlineData(AttestationForm.InPerson, "очно")]
    [InlineData(AttestationForm.Distance, "дистанционно")]
    public void Forms_read_as_on_the_schedule(AttestationForm form, string expected)
    {
        Assert.Equal(expected, form.ToRussian());
    }

    [Fact]
    public void Outcomes_and_reasons_read_as_in_the_journals()
    {
        Assert.Equal("установить", DecisionOutcome.Established.ToRussian());
        Assert.Equal("отказать", DecisionOutcome.Refused.ToRussian());
        Assert.Equal("увольнение", WithdrawalReason.Dismissal.ToRussian());
        Assert.Equal("по состоянию здоровья", WithdrawalReason.Health.ToRussian());
        Assert.Equal("иное", WithdrawalReason.Other.ToRussian());
    }
}
