using Attestation.Domain.Categories;

namespace Attestation.Domain.Applications;

/// <summary>
/// The few columns an application's status text is made of, so that a long list (the registration journal of a
/// region) can describe each status without loading whole applications; <see cref="Application.StatusText"/> is this.
/// </summary>
public sealed record StatusFacts(
    ApplicationStatus Status,
    string? RegistrationNumber,
    DateOnly? RegisteredOn,
    string? RejectionReason,
    Conformity? CoordinatorMark,
    DecisionOutcome? Outcome,
    QualificationCategory? ClaimedCategory,
    bool WithdrawalPending)
{
    /// <summary>The status as the teacher reads it in his cabinet, with the reason or the outcome where there is one.</summary>
    public string Text
    {
        get
        {
            var text = Status switch
            {
                ApplicationStatus.Registered when RegistrationNumber is not null && RegisteredOn is { } on =>
                    $"{Status.ToRussian()} (№ {RegistrationNumber} от {Domain.Text.Date(on)})",
                ApplicationStatus.Rejected when RejectionReason is not null =>
                    $"{Status.ToRussian()}: {RejectionReason}",
                ApplicationStatus.Verified when CoordinatorMark is { } mark =>
                    $"{Status.ToRussian()}: {mark.ToRussian()}",
                ApplicationStatus.Decided when Outcome is { } outcome && ClaimedCategory is { } claimed =>
                    outcome == DecisionOutcome.Established
                        ? $"{Status.ToRussian()}: квалификационная категория «{claimed.ToRussian()}» установлена"
                        : $"{Status.ToRussian()}: в установлении квалификационной категории «{claimed.ToRussian()}» отказано",
                _ => Status.ToRussian(),
            };
            return WithdrawalPending ? $"{text} (подано заявление на отзыв)" : text;
        }
    }
}
