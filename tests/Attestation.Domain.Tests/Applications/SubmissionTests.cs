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
                "не указано образование: образовательное учреждение",
                "не указано образование: год окончания",
                "не указано образование: специальность",
                "не указано образование: квалификация",
                "не указан педагогический стаж",
                "не указан стаж в данной должности",
                "не указан стаж в данной организации",
                "не указаны результаты работы, которые вы считаете основанием для аттестации",
                "не дано согласие на обработку персональных данных",
            ],
            problems);
    }

    [Fact]
    public void An_empty_draft_is_refused_with_the_education_the_service_and_the_results_named()
    {
        var application = Given.Draft();

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.StartsWith("Заявление не может быть подано: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("не указано образование: образовательное учреждение", error.Message, StringComparison.Ordinal);
        Assert.Contains("не указан педагогический стаж", error.Message, StringComparison.Ordinal);
        Assert.Contains("не указаны результаты работы", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.DoesNotContain(application.Events, e => e.Kind == ApplicationEventKind.Submitted);
    }

    [Theory]
    [InlineData(nameof(ApplicationDetails.EducationInstitution), "не указано образование: образовательное учреждение")]
    [InlineData(nameof(ApplicationDetails.EducationYear), "не указано образование: год окончания")]
    [InlineData(nameof(ApplicationDetails.EducationSpeciality), "не указано образование: специальность")]
    [InlineData(nameof(ApplicationDetails.EducationQualification), "не указано образование: квалификация")]
    [InlineData(nameof(ApplicationDetails.PedagogicalServiceYears), "не указан педагогический стаж")]
    [InlineData(nameof(ApplicationDetails.PositionServiceYears), "не указан стаж в данной должности")]
    [InlineData(nameof(ApplicationDetails.OrganisationServiceYears), "не указан стаж в данной организации")]
    [InlineData(nameof(ApplicationDetails.ResultsGrounds), "не указаны результаты работы, которые вы считаете основанием для аттестации")]
    public void Each_field_the_procedure_requires_is_named_with_its_field_when_missing(string field, string text)
    {
        var complete = Given.Details();
        var details = field switch
        {
            nameof(ApplicationDetails.EducationInstitution) => complete with { EducationInstitution = "  " },
            nameof(ApplicationDetails.EducationYear) => complete with { EducationYear = null },
            nameof(ApplicationDetails.EducationSpeciality) => complete with { EducationSpeciality = null },
            nameof(ApplicationDetails.EducationQualification) => complete with { EducationQualification = null },
            nameof(ApplicationDetails.PedagogicalServiceYears) => complete with { PedagogicalServiceYears = null, PositionServiceYears = null },
            nameof(ApplicationDetails.PositionServiceYears) => complete with { PositionServiceYears = null },
            nameof(ApplicationDetails.OrganisationServiceYears) => complete with { OrganisationServiceYears = null },
            _ => complete with { ResultsGrounds = "" },
        };

        var problems = details.SubmissionProblems();

        Assert.Contains(new SubmissionProblem(field, text), problems);
        Assert.DoesNotContain(problems, p => p.Field != field && p.Field != nameof(ApplicationDetails.PositionServiceYears));
        Assert.Empty(complete.SubmissionProblems());
    }

    [Fact]
    public void More_years_in_the_position_than_in_pedagogical_work_is_refused_at_submission()
    {
        var application = Given.Draft();
        // Saved through the aggregate alone (a page checks the contradiction on saving; the submission checks it again).
        application.UpdateDraft(Given.Details() with { PedagogicalServiceYears = 12, PositionServiceYears = 17 }, Given.Teacher, Given.DraftAt);

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt));

        Assert.Equal("Заявление не может быть подано: стаж в должности (17) не может быть больше педагогического стажа (12).", error.Message);
        Assert.Equal(
            new SubmissionProblem(nameof(ApplicationDetails.PositionServiceYears), "стаж в должности (17) не может быть больше педагогического стажа (12)"),
            Assert.Single(application.SubmissionProblems([])));
        Assert.Equal("Стаж в должности (17) не может быть больше педагогического стажа (12).",
            Assert.Single(application.SubmissionProblems([])).Sentence);
    }

    [Fact]
    public void Zero_years_of_service_is_an_answer_not_a_gap()
    {
        var details = Given.Details() with { PedagogicalServiceYears = 0, PositionServiceYears = 0, OrganisationServiceYears = 0 };

        Assert.Empty(details.SubmissionProblems());
    }

    [Fact]
    public void A_submitted_application_that_lacks_what_the_procedure_requires_is_not_registered()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);
        // An application submitted before the form required the results: the data as an older portal left it.
        typeof(Application).GetProperty(nameof(Application.ResultsGrounds))!.SetValue(application, null);

        var error = Assert.Throws<DomainException>(() =>
            application.Register(Given.Coordinator, "1/2025", new DateOnly(2025, 10, 10), Given.RegisterAt));

        Assert.Equal("Заявление не может быть зарегистрировано: не указаны результаты работы, которые вы считаете основанием для аттестации. " +
            "Отклоните его с этой причиной, чтобы педагог исправил и подал заново.", error.Message);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
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
