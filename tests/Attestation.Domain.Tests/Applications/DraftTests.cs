using Attestation.Domain.Applications;
using Attestation.Domain.Categories;

namespace Attestation.Domain.Tests.Applications;

public class DraftTests
{
    [Fact]
    public void Starting_a_draft_records_the_teacher_workplace_and_the_first_event()
    {
        var application = Given.Draft();

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(7, application.Id.Version);
        Assert.Equal(Given.TeacherId, application.TeacherId);
        Assert.Equal("Пичугина Олеся Владимировна", application.FullName);
        Assert.Equal((Given.MunicipalityId, Given.OrganisationId, Given.PositionId, (int?)Given.SubjectId),
            (application.MunicipalityId, application.OrganisationId, application.PositionId, application.SubjectId));
        Assert.Equal(Given.DraftAt, application.CreatedAt);
        Assert.True(application.CanBeDeleted);
        Assert.True(application.IsEditable);

        var created = Assert.Single(application.Events);
        Assert.Equal(ApplicationEventKind.Created, created.Kind);
        Assert.Equal(Given.Teacher.Id, created.ActorId);
        Assert.Equal("Teacher", created.ActorRole);
        Assert.Equal(application.Id, created.ApplicationId);
        Assert.Equal(1, created.Number);
    }

    [Fact]
    public void Instants_are_stored_in_UTC_whatever_offset_the_caller_used()
    {
        var application = Application.StartDraft(Given.TeacherId, Given.TeacherName, 1, 10, 5, null, Given.Teacher,
            Given.At("2025-10-01T10:00:00+07:00"));

        Assert.Equal(TimeSpan.Zero, application.CreatedAt.Offset);
        Assert.Equal(Given.At("2025-10-01T03:00:00Z"), application.CreatedAt);
        Assert.Equal(TimeSpan.Zero, application.Events[0].At.Offset);
    }

    [Theory]
    [InlineData(0, 10, 5, "Не указано муниципальное образование.")]
    [InlineData(1, 0, 5, "Не указана образовательная организация.")]
    [InlineData(1, 10, 0, "Не указана должность.")]
    public void A_draft_needs_a_workplace_and_a_position(int municipalityId, int organisationId, int positionId, string message)
    {
        var error = Assert.Throws<DomainException>(() => Application.StartDraft(Given.TeacherId, Given.TeacherName,
            municipalityId, organisationId, positionId, null, Given.Teacher, Given.DraftAt));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Updating_the_draft_stores_every_field_and_records_an_event()
    {
        var application = Given.Draft();
        var details = Given.Details(AttestationForm.Distance);

        application.UpdateDraft(details, Given.SchoolCoordinator, Given.DraftAt.AddHours(1));

        Assert.Equal(details, ApplicationDetails.From(application));
        Assert.Equal(QualificationCategory.Highest, application.ClaimedCategory);
        Assert.Equal(AttestationForm.Distance, application.Form);
        Assert.Equal(["https://school.tomsk.ru/results", "https://olymp.tomsk.ru/winners"], application.ResultLinkList);
        Assert.False(application.IsSimplified);
        var updated = application.Events[^1];
        Assert.Equal(ApplicationEventKind.DraftUpdated, updated.Kind);
        Assert.Equal("SchoolCoordinator", updated.ActorRole);
        Assert.Equal(ApplicationStatus.Draft, updated.ToStatus);
        Assert.Equal(Given.DraftAt.AddHours(1), application.UpdatedAt);
    }

    [Fact]
    public void What_cannot_be_true_is_named_by_field_and_the_possible_is_not()
    {
        var today = new DateOnly(2026, 12, 2);
        var possible = Given.Details() with
        {
            CurrentCategoryDecisionDate = today, EducationYear = 2026, PedagogicalServiceYears = 12, PositionServiceYears = 12,
        };
        var untrue = possible with { CurrentCategoryDecisionDate = new DateOnly(2030, 3, 16), EducationYear = 2027, PositionServiceYears = 17 };

        Assert.Empty(possible.Contradictions(today));
        Assert.Equal(
            [
                ("CurrentCategoryDecisionDate", "Дата распоряжения не может быть в будущем."),
                ("EducationYear", "Год окончания не может быть в будущем."),
                ("PositionServiceYears", "Стаж в должности (17) не может быть больше педагогического стажа (12)."),
            ],
            untrue.Contradictions(today));
        Assert.Empty((possible with { PedagogicalServiceYears = null, PositionServiceYears = 17 }).Contradictions(today));
    }

    [Fact]
    public void Result_links_are_trimmed_and_blank_lines_dropped()
    {
        var application = Given.Draft();

        application.UpdateDraft(Given.Details() with { ResultLinks = "  https://a.ru/1 \r\n\r\n\nhttp://b.ru/2\n  " },
            Given.Teacher, Given.DraftAt);

        Assert.Equal("https://a.ru/1\nhttp://b.ru/2", application.ResultLinks);
    }

    [Theory]
    [InlineData("school.tomsk.ru/results")]
    [InlineData("ftp://school.tomsk.ru/results")]
    [InlineData("https://ok.ru/1\nсм. сайт школы")]
    public void A_result_link_that_is_not_a_web_address_is_refused(string links)
    {
        var error = Assert.Throws<DomainException>(() =>
            Given.Draft().UpdateDraft(Given.Details() with { ResultLinks = links }, Given.Teacher, Given.DraftAt));

        Assert.Contains("http://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesson_link_that_is_not_a_web_address_is_refused()
    {
        Assert.Throws<DomainException>(() => Given.Draft().UpdateDraft(
            Given.Details(AttestationForm.Distance) with { LessonRecordingLink2 = "видео на диске" }, Given.Teacher, Given.DraftAt));
    }

    [Fact]
    public void Not_having_a_category_cannot_be_claimed()
    {
        var error = Assert.Throws<DomainException>(() => Given.Draft().UpdateDraft(
            Given.Details() with { ClaimedCategory = QualificationCategory.None }, Given.Teacher, Given.DraftAt));

        Assert.Contains("не «не имею»", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1939)]
    [InlineData(2026)]
    public void An_education_year_outside_1940_to_this_year_is_refused(int year)
    {
        Assert.Throws<DomainException>(() => Given.Draft().UpdateDraft(
            Given.Details() with { EducationYear = year }, Given.Teacher, Given.DraftAt));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(81)]
    public void Service_length_outside_0_to_80_years_is_refused(int years)
    {
        Assert.Throws<DomainException>(() => Given.Draft().UpdateDraft(
            Given.Details() with { PositionServiceYears = years }, Given.Teacher, Given.DraftAt));
    }

    [Fact]
    public void Choosing_no_current_category_clears_its_dates()
    {
        var application = Given.Draft();

        application.UpdateDraft(Given.Details() with { CurrentCategory = QualificationCategory.None }, Given.Teacher, Given.DraftAt);

        Assert.Null(application.CurrentCategoryExpiresOn);
        Assert.Null(application.CurrentCategoryDecisionNumber);
        Assert.Null(application.CurrentCategoryDecisionDate);
    }

    [Fact]
    public void Simplified_grounds_mark_the_application_as_simplified()
    {
        var application = Given.Draft();

        application.UpdateDraft(Given.SimplifiedDetails(), Given.Teacher, Given.DraftAt);

        Assert.True(application.IsSimplified);
    }

    [Fact]
    public void A_rejected_application_can_be_corrected()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Rejected);

        application.UpdateDraft(Given.Details() with { PositionId = 6 }, Given.Teacher, Given.RegisterAt.AddDays(1));

        Assert.Equal(6, application.PositionId);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Registered)]
    [InlineData(ApplicationStatus.Scheduled)]
    [InlineData(ApplicationStatus.Decided)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void A_submitted_application_cannot_be_edited(ApplicationStatus status)
    {
        var application = Given.ApplicationIn(status);

        var error = Assert.Throws<DomainException>(() => application.UpdateDraft(Given.Details(), Given.Teacher, Given.DecideAt));

        Assert.StartsWith("Нельзя изменить заявление", error.Message, StringComparison.Ordinal);
        Assert.False(application.CanBeDeleted);
    }

    [Fact]
    public void Documents_are_attached_and_removed_with_history()
    {
        var application = Given.Draft();

        var petition = application.AttachDocument(ApplicationDocumentKind.EmployerPetition, Guid.NewGuid(), "ходатайство.pdf",
            Given.SchoolCoordinator, Given.DraftAt);

        Assert.True(application.HasDocument(ApplicationDocumentKind.EmployerPetition));
        Assert.Equal(application.Id, petition.ApplicationId);
        Assert.Equal(Given.SchoolCoordinator.Id, petition.UploadedBy);
        Assert.Equal(ApplicationEventKind.DocumentAttached, application.Events[^1].Kind);
        Assert.Contains("Ходатайство работодателя", application.Events[^1].Description, StringComparison.Ordinal);

        application.RemoveDocument(petition.Id, Given.Teacher, Given.DraftAt);

        Assert.False(application.HasDocument(ApplicationDocumentKind.EmployerPetition));
        Assert.Equal(ApplicationEventKind.DocumentRemoved, application.Events[^1].Kind);
        Assert.Throws<DomainException>(() => application.RemoveDocument(petition.Id, Given.Teacher, Given.DraftAt));
    }

    [Fact]
    public void Documents_cannot_be_attached_once_submitted()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Submitted);

        Assert.Throws<DomainException>(() => application.AttachDocument(ApplicationDocumentKind.HeadCoverLetter, Guid.NewGuid(),
            "письмо.pdf", Given.Teacher, Given.RegisterAt));
    }
}
