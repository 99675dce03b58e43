using Attestation.Domain.Applications;
using Attestation.Domain.Categories;

namespace Attestation.Domain.Tests.Applications;

public class ConclusionAndDecisionTests
{
    [Fact]
    public void An_expert_attaches_the_conclusion_with_the_recommendation()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Scheduled);

        application.AttachConclusion(Given.ConclusionFile, Conformity.DoesNotCorrespond, " Нет результатов ", Given.Expert,
            Given.ConclusionAt);

        Assert.Equal(ApplicationStatus.ConclusionUploaded, application.Status);
        var conclusion = Assert.IsType<Conclusion>(application.Conclusion);
        Assert.Equal(Given.ConclusionFile, conclusion.FileId);
        Assert.Equal(Conformity.DoesNotCorrespond, conclusion.Recommendation);
        Assert.Equal("Нет результатов", conclusion.Comment);
        Assert.Equal(Given.ExpertA, conclusion.UploadedBy);
        Assert.False(conclusion.IsSigned);
        Assert.Equal("Прикреплено итоговое заключение: не соответствует", application.Events[^1].Description);
    }

    [Fact]
    public void The_conclusion_can_be_replaced_until_it_is_signed()
    {
        var application = Given.ApplicationIn(ApplicationStatus.ConclusionUploaded);
        var newFile = Guid.NewGuid();

        application.AttachConclusion(newFile, Conformity.DoesNotCorrespond, null, Given.Operator, Given.ConclusionAt.AddDays(1),
            replacesFile: Given.ConclusionFile);

        Assert.Equal(ApplicationStatus.ConclusionUploaded, application.Status);
        Assert.Equal(newFile, application.Conclusion!.FileId);
        Assert.Null(application.Conclusion.Comment);
        Assert.Equal(ApplicationEventKind.ConclusionReplaced, application.Events[^1].Kind);
        // The replaced scan stays with the history, never an orphan.
        Assert.Equal(Given.ConclusionFile, application.Events[^1].FileId);
    }

    [Fact]
    public void A_conclusion_attached_meanwhile_is_not_replaced_unseen()
    {
        var application = Given.ApplicationIn(ApplicationStatus.ConclusionUploaded);
        var events = application.Events.Count;

        // The second expert's form was shown before the first conclusion came: it names none.
        var unseen = Assert.Throws<DomainException>(() => application.AttachConclusion(Guid.NewGuid(), Conformity.DoesNotCorrespond,
            null, Given.Expert, Given.ConclusionAt.AddHours(1)));
        // A form shown with another conclusion than the current one.
        Assert.Throws<DomainException>(() => application.AttachConclusion(Guid.NewGuid(), Conformity.DoesNotCorrespond,
            null, Given.Expert, Given.ConclusionAt.AddHours(1), replacesFile: Guid.NewGuid()));

        Assert.Contains("«Заменить итоговое заключение»", unseen.Message, StringComparison.Ordinal);
        Assert.Equal(Given.ConclusionFile, application.Conclusion!.FileId);
        Assert.Equal(Conformity.Corresponds, application.Conclusion.Recommendation);
        Assert.Equal(events, application.Events.Count);
    }

    [Fact]
    public void The_signed_copy_moves_the_application_to_signed()
    {
        var application = Given.ApplicationIn(ApplicationStatus.ConclusionUploaded);

        application.SignConclusion(Given.SignedConclusionFile, Given.Teacher, Given.SignAt);

        Assert.Equal(ApplicationStatus.ConclusionSigned, application.Status);
        Assert.True(application.Conclusion!.IsSigned);
        Assert.Equal(Given.SignedConclusionFile, application.Conclusion.SignedFileId);
        Assert.Equal(Given.TeacherId, application.Conclusion.SignedBy);
        Assert.Equal(Given.SignAt, application.Conclusion.SignedAt);
        Assert.Equal(Given.ConclusionFile, application.Conclusion.FileId);
    }

    [Fact]
    public void A_signed_conclusion_cannot_be_replaced()
    {
        var application = Given.ApplicationIn(ApplicationStatus.ConclusionSigned);

        var error = Assert.Throws<DomainException>(() => application.AttachConclusion(Guid.NewGuid(), Conformity.Corresponds,
            null, Given.Expert, Given.SignAt));

        Assert.Equal("Нельзя прикрепить итоговое заключение: статус заявления «Заключение подписано».", error.Message);
    }

    [Fact]
    public void An_empty_file_id_is_a_programming_error()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Scheduled);

        Assert.Throws<ArgumentException>(() => application.AttachConclusion(Guid.Empty, Conformity.Corresponds, null,
            Given.Expert, Given.ConclusionAt));
    }

    [Theory]
    [InlineData(Conformity.Corresponds, "соответствует")]
    [InlineData(Conformity.DoesNotCorrespond, "не соответствует")]
    public void The_coordinator_marks_the_signed_conclusion(Conformity mark, string text)
    {
        var application = Given.ApplicationIn(ApplicationStatus.ConclusionSigned);

        application.Verify(mark, Given.Coordinator, Given.VerifyAt);

        Assert.Equal(ApplicationStatus.Verified, application.Status);
        Assert.Equal(mark, application.CoordinatorMark);
        Assert.Equal(Given.Coordinator.Id, application.VerifiedBy);
        Assert.Equal(Given.VerifyAt, application.VerifiedAt);
        Assert.Equal($"Итоговое заключение проверено координатором: {text}", application.Events[^1].Description);
        Assert.Equal($"Проверено координатором: {text}", application.StatusText);
    }

    [Fact]
    public void The_coordinators_mark_can_be_corrected_before_the_decision()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Verified);

        application.Verify(Conformity.DoesNotCorrespond, Given.Coordinator, Given.VerifyAt.AddDays(1));

        Assert.Equal(Conformity.DoesNotCorrespond, application.CoordinatorMark);
        Assert.StartsWith("Отметка координатора исправлена", application.Events[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_simplified_application_is_checked_straight_after_registration()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered, simplified: true);

        application.Verify(Conformity.Corresponds, Given.Coordinator, Given.VerifyAt);

        Assert.Equal(ApplicationStatus.Verified, application.Status);
        Assert.StartsWith("Заявление по упрощенной форме проверено", application.Events[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_on_general_grounds_is_not_checked_without_a_conclusion()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Registered);

        Assert.Throws<DomainException>(() => application.Verify(Conformity.Corresponds, Given.Coordinator, Given.VerifyAt));
    }

    [Fact]
    public void The_commission_decides_a_verified_application()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Verified);

        application.Decide(new CommissionDecision(new DateOnly(2026, 2, 26), "3", DecisionOutcome.Established, "301-р",
            new DateOnly(2026, 3, 3)), Given.Operator, Given.DecideAt);

        Assert.Equal(ApplicationStatus.Decided, application.Status);
        Assert.Equal(new DateOnly(2026, 2, 26), application.Decision!.MeetingDate);
        Assert.Equal("3", application.Decision.ProtocolNumber);
        Assert.Equal(
            "Решение аттестационной комиссии от 26.02.2026 (протокол № 3): установить, распоряжение № 301-р от 03.03.2026",
            application.Events[^1].Description);
        Assert.Equal("Решение принято: квалификационная категория «высшая» установлена", application.StatusText);
    }

    [Fact]
    public void A_refusal_reads_as_such_for_the_teacher()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Verified);

        application.Decide(Given.Decision(DecisionOutcome.Refused), Given.Operator, Given.DecideAt);

        Assert.Equal("Решение принято: в установлении квалификационной категории «высшая» отказано", application.StatusText);
        Assert.Throws<DomainException>(() => application.CreateEstablishedCategory("учитель"));
    }

    [Fact]
    public void One_decision_object_for_a_whole_meeting_is_copied_into_each_application()
    {
        var first = Given.ApplicationIn(ApplicationStatus.Verified);
        var second = Given.ApplicationIn(ApplicationStatus.Verified);
        var meeting = Given.Decision();

        first.Decide(meeting, Given.Operator, Given.DecideAt);
        second.Decide(meeting, Given.Operator, Given.DecideAt);
        first.RecordOrder("301-р", new DateOnly(2026, 3, 3), Given.Operator, Given.DecideAt.AddDays(5));

        Assert.NotSame(first.Decision, second.Decision);
        Assert.Null(second.Decision!.OrderNumber);
        Assert.Null(meeting.OrderNumber);
    }

    [Fact]
    public void The_order_can_be_recorded_after_the_meeting()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Decided);

        application.RecordOrder(" 301-р ", new DateOnly(2026, 3, 3), Given.Operator, Given.DecideAt.AddDays(5));

        Assert.Equal("301-р", application.Decision!.OrderNumber);
        Assert.Equal(new DateOnly(2026, 3, 3), application.Decision.OrderDate);
        Assert.Equal(ApplicationEventKind.OrderRecorded, application.Events[^1].Kind);
        Assert.Equal(ApplicationStatus.Decided, application.Status);
    }

    [Fact]
    public void An_order_dated_before_the_meeting_is_refused()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Decided);

        Assert.Throws<DomainException>(() =>
            application.RecordOrder("301-р", new DateOnly(2026, 2, 25), Given.Operator, Given.DecideAt));
    }

    [Fact]
    public void An_order_number_without_a_date_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            new CommissionDecision(new DateOnly(2026, 2, 26), "3", DecisionOutcome.Established, "301-р", null));

        Assert.Equal("Укажите и номер, и дату распоряжения.", error.Message);
    }

    [Fact]
    public void A_decision_needs_a_protocol_number()
    {
        Assert.Throws<DomainException>(() => new CommissionDecision(new DateOnly(2026, 2, 26), " ", DecisionOutcome.Refused));
    }

    [Fact]
    public void An_established_category_is_recorded_without_expiry()
    {
        var application = Given.ApplicationIn(ApplicationStatus.Decided);
        application.RecordOrder("301-р", new DateOnly(2026, 3, 3), Given.Operator, Given.DecideAt);

        var held = application.CreateEstablishedCategory("учитель");

        Assert.Equal(QualificationCategory.Highest, held.Category);
        Assert.Equal(Given.TeacherId, held.TeacherId);
        Assert.Equal(new DateOnly(2026, 2, 26), held.SetOn);
        Assert.Null(held.ExpiresOn);
        Assert.False(held.IsLegacy);
        Assert.Equal("301-р", held.DecisionNumber);
    }

    [Fact]
    public void No_category_is_established_before_the_decision()
    {
        Assert.Throws<DomainException>(() =>
            Given.ApplicationIn(ApplicationStatus.Verified).CreateEstablishedCategory("учитель"));
    }
}
