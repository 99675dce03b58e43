using Attestation.Domain.Applications;

namespace Attestation.Domain.Tests.Applications;

public class SubmissionTests
{
    private static Application DraftWith(ApplicationDetails details)
    {
        var application = Given.Draft();
        application.UpdateDraft(details, Given.Teacher, Given.DraftAt);
        return application;
    }

    [Fact]
    public void Submitting_a_complete_draft_moves_it_to_submitted()
    {
        var application = DraftWith(Given.Details());

        application.Submit(Given.Teacher, Given.SubmitAt);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(Given.SubmitAt, application.SubmittedAt);
        Assert.Equal(Given.SubmitAt, application.FirstSubmittedAt);
        Assert.Null(application.ConsideredAt);
        var submitted = application.Events[^1];
        Assert.Equal(ApplicationEventKind.Submitted, submitted.Kind);
        Assert.Equal((ApplicationStatus.Draft, ApplicationStatus.Submitted), (submitted.FromStatus, submitted.ToStatus));
        Assert.Equal("Заявление подано", submitted.Description);
    }

    [Fact]
    public void Submitting_without_consent_is_refused()
    {
        var application = DraftWith(Given.Details() with { PersonalDataConsent = false });

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.Equal("Заявление не может быть подано: не дано согласие на обработку персональных данных.", error.Message);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Submitting_without_a_claimed_category_is_refused()
    {
        var application = DraftWith(Given.Details() with { ClaimedCategory = null });

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.Contains("не указана заявленная квалификационная категория", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitting_without_a_form_is_refused()
    {
        var application = DraftWith(Given.Details() with { Form = null });

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.Contains("не указана форма аттестации", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://video.tomsk.ru/1", null)]
    [InlineData(null, "https://video.tomsk.ru/2")]
    public void Submitting_a_distance_application_without_two_lesson_recordings_is_refused(string? first, string? second)
    {
        var application = DraftWith(Given.Details(AttestationForm.Distance) with
        {
            LessonRecordingLink1 = first,
            LessonRecordingLink2 = second,
        });

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.Contains("записи двух уроков", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distance_application_with_both_recordings_is_submitted()
    {
        var application = DraftWith(Given.Details(AttestationForm.Distance));

        application.Submit(Given.Teacher, Given.SubmitAt);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void An_in_person_application_needs_no_recordings()
    {
        var application = DraftWith(Given.Details(AttestationForm.InPerson));

        Assert.Empty(application.ListSubmissionProblems());
    }

    [Fact]
    public void A_name_in_Latin_letters_is_refused_at_submission()
    {
        var application = DraftWith(Given.Details() with { LastName = "Pichugina" });

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.Contains("русскими буквами", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_listed_at_once()
    {
        var application = Given.Draft();

        var problems = application.ListSubmissionProblems();

        Assert.Equal(
            [
                "не указана заявленная квалификационная категория",
                "не указана форма аттестации (очно или дистанционно)",
                "не дано согласие на обработку персональных данных",
            ],
            problems);
    }

    [Fact]
    public void Resubmitting_a_corrected_application_keeps_its_history_and_restarts_the_clock()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Rejected);
        var eventsBefore = application.Events.Count;
        var resubmitAt = Given.RegisterAt.AddDays(3);

        application.UpdateDraft(Given.Details() with { ResultsGrounds = "Исправлено" }, Given.Teacher, resubmitAt);
        application.Submit(Given.Teacher, resubmitAt);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(resubmitAt, application.SubmittedAt);
        Assert.Equal(Given.SubmitAt, application.FirstSubmittedAt);
        Assert.Null(application.RejectionReason);
        Assert.Null(application.ConsideredAt);
        Assert.Equal(eventsBefore + 2, application.Events.Count);
        var resubmitted = application.Events[^1];
        Assert.Equal(ApplicationEventKind.Resubmitted, resubmitted.Kind);
        Assert.Equal(ApplicationStatus.Rejected, resubmitted.FromStatus);
        Assert.Contains(application.Events, e => e.Kind == ApplicationEventKind.Rejected);
    }
}
