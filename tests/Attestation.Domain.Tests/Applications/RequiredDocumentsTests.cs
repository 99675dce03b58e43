using Attestation.Domain.Applications;
using Attestation.Domain.Categories;

namespace Attestation.Domain.Tests.Applications;

public sealed class RequiredDocumentsTests
{
    [Theory]
    [InlineData(QualificationCategory.First, false, new[] { ApplicationDocumentKind.SignedApplication })]
    [InlineData(QualificationCategory.Highest, false, new[] { ApplicationDocumentKind.SignedApplication })]
    [InlineData(QualificationCategory.Methodist, false, new[] { ApplicationDocumentKind.SignedApplication, ApplicationDocumentKind.EmployerPetition })]
    [InlineData(QualificationCategory.Mentor, true, new[] { ApplicationDocumentKind.SignedApplication, ApplicationDocumentKind.EmployerPetition, ApplicationDocumentKind.LessonTechnologyCard })]
    [InlineData(QualificationCategory.First, true, new[] { ApplicationDocumentKind.SignedApplication, ApplicationDocumentKind.LessonTechnologyCard })]
    public void The_claim_and_the_subject_decide_the_required_documents(
        QualificationCategory claimed, bool primary, ApplicationDocumentKind[] expected) =>
        Assert.Equal(expected, RequiredDocuments.For(claimed, primary));

    [Theory]
    [InlineData("начальных классов", true)]
    [InlineData(" Начальных классов ", true)]
    [InlineData("математики", false)]
    [InlineData(null, false)]
    public void Primary_classes_are_recognised_by_the_subject(string? subject, bool expected) =>
        Assert.Equal(expected, RequiredDocuments.TeachesPrimaryClasses(subject));
}

public sealed class SubmissionWithDocumentsTests
{
    [Fact]
    public void Submitting_without_a_required_document_is_refused_and_names_it()
    {
        var application = Given.Draft();
        application.UpdateDraft(Given.Details(), Given.Teacher, Given.DraftAt);
        var required = RequiredDocuments.For(QualificationCategory.Methodist, teachesPrimaryClasses: false);

        var error = Assert.Throws<DomainException>(() => application.Submit(Given.Teacher, Given.SubmitAt, required));

        Assert.Contains("Подписанное заявление (скан)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ходатайство работодателя", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Submitting_with_the_required_documents_attached_succeeds()
    {
        var application = Given.Draft();
        application.UpdateDraft(Given.Details(), Given.Teacher, Given.DraftAt);
        application.AttachDocument(ApplicationDocumentKind.SignedApplication, Guid.CreateVersion7(), "заявление.pdf",
            Given.Teacher, Given.DraftAt);

        application.Submit(Given.Teacher, Given.SubmitAt, RequiredDocuments.For(QualificationCategory.First, false));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }
}

public sealed class UnchangedDraftTests
{
    [Fact]
    public void Saving_an_unchanged_draft_adds_no_history_event()
    {
        var application = Given.Draft();
        application.UpdateDraft(Given.Details(), Given.Teacher, Given.DraftAt);
        var events = application.Events.Count;

        application.UpdateDraft(Given.Details(), Given.Teacher, Given.DraftAt.AddMinutes(5));

        Assert.Equal(events, application.Events.Count);
    }

    [Fact]
    public void Saving_a_changed_draft_adds_one_history_event()
    {
        var application = Given.Draft();
        application.UpdateDraft(Given.Details(), Given.Teacher, Given.DraftAt);
        var events = application.Events.Count;

        application.UpdateDraft(Given.Details() with { Awards = "Почётная грамота" }, Given.Teacher, Given.DraftAt.AddMinutes(5));

        Assert.Equal(events + 1, application.Events.Count);
        Assert.Equal("Заявление изменено", application.Events[^1].Description);
    }
}
