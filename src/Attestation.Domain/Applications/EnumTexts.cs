namespace Attestation.Domain.Applications;

public static class EnumTexts
{
    public static string ToRussian(this AttestationForm form) => form switch
    {
        AttestationForm.InPerson => "очно",
        AttestationForm.Distance => "дистанционно",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    public static string ToRussian(this Conformity conformity) => conformity switch
    {
        Conformity.Corresponds => "соответствует",
        Conformity.DoesNotCorrespond => "не соответствует",
        _ => throw new ArgumentOutOfRangeException(nameof(conformity), conformity, null),
    };

    public static string ToRussian(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Established => "установить",
        DecisionOutcome.Refused => "отказать",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string ToRussian(this WithdrawalReason reason) => reason switch
    {
        WithdrawalReason.Dismissal => "увольнение",
        WithdrawalReason.Health => "по состоянию здоровья",
        WithdrawalReason.Other => "иное",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string ToRussian(this ApplicationDocumentKind kind) => kind switch
    {
        ApplicationDocumentKind.SignedApplication => "Подписанное заявление (скан)",
        ApplicationDocumentKind.ResultsDescription => "Описание результатов профессиональной деятельности",
        ApplicationDocumentKind.HeadCoverLetter => "Сопроводительное письмо руководителя",
        ApplicationDocumentKind.LessonTechnologyCard => "Технологическая карта урока",
        ApplicationDocumentKind.EmployerPetition => "Ходатайство работодателя",
        ApplicationDocumentKind.Other => "Иной документ",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
