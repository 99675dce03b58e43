using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Periods;

namespace Attestation.Domain.Schools;

/// <summary>
/// What «Педагоги организации» knows of one teacher: his latest application (if any) and the category in force. The
/// dates are region days.
/// </summary>
public sealed record TeacherFacts
{
    public ApplicationStatus? Status { get; init; }

    public bool WithdrawalPending { get; init; }

    /// <summary>The day the application was (last) submitted.</summary>
    public DateOnly? SubmittedOn { get; init; }

    /// <summary>The first day of the attestation period the application is in, if one is assigned.</summary>
    public DateOnly? PeriodStart { get; init; }

    public QualificationCategory? ClaimedCategory { get; init; }

    /// <summary>Claims the simplified form: no period, no experts, the municipal coordinator checks the grounds.</summary>
    public bool Simplified { get; init; }

    public DecisionOutcome? Outcome { get; init; }

    /// <summary>The end of the legacy category in force; null for none or one without an expiry date.</summary>
    public DateOnly? CategoryExpiresOn { get; init; }
}

/// <summary>The next step, in the words of the coordinator's manual; <see cref="Attention"/> when it is late or is the school's to help with.</summary>
public sealed record NextStep(string Text, bool Attention);

/// <summary>
/// «Следующий шаг» of a teacher on the school coordinator's list, in one place: from the state of his latest
/// application, or, without one in progress, from the date by which he should apply (three months before a legacy
/// category ends, <see cref="TeacherPlanCalendar.ApplyBy"/>). Null when nothing is due.
/// </summary>
public static class TeacherNextStep
{
    public static NextStep? Of(TeacherFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.WithdrawalPending)
            return new NextStep("Заявление на отзыв на регистрации у муниципального координатора", false);

        return facts.Status switch
        {
            ApplicationStatus.Draft => new NextStep(ApplyText("Заполнить и подать заявление", facts, today, out var late), late),
            ApplicationStatus.Rejected => new NextStep("Заявление отклонено: исправить и подать повторно", true),
            ApplicationStatus.Submitted => new NextStep(facts.SubmittedOn is { } submitted
                ? $"Заявление на регистрации у муниципального координатора (рассмотреть до {Text.Date(submitted.AddDays(ApplicationClocks.ConsiderationDays))})"
                : "Заявление на регистрации у муниципального координатора", false),
            ApplicationStatus.Registered when facts.Simplified =>
                new NextStep("Заявление по упрощенной форме зарегистрировано: основание проверяет муниципальный координатор", false),
            ApplicationStatus.Registered when facts.PeriodStart is null =>
                new NextStep("Заявление зарегистрировано: ожидает включения в график аттестации", false),
            ApplicationStatus.Registered or ApplicationStatus.Scheduled when facts.PeriodStart is { } start =>
                new NextStep($"Ожидает экспертизы в период «{AttestationPeriod.NameOf(start.Year, start.Month)}» "
                    + $"({Text.Date(start)} – {Text.Date(start.AddMonths(AttestationPeriod.LengthInMonths).AddDays(-1))})", false),
            ApplicationStatus.Scheduled => new NextStep("Ожидает экспертизы", false),
            ApplicationStatus.ConclusionUploaded => new NextStep("Загрузить подписанное заключение", true),
            ApplicationStatus.ConclusionSigned => new NextStep("Итоговое заключение на проверке у муниципального координатора", false),
            ApplicationStatus.Verified => new NextStep("Ожидает решения аттестационной комиссии", false),
            ApplicationStatus.Decided => new NextStep(DecisionText(facts), false),
            // Withdrawn, or no application: what the category asks for.
            _ => facts.CategoryExpiresOn is null ? null : new NextStep(ApplyText("Подать заявление", facts, today, out var due), due),
        };
    }

    private static string ApplyText(string action, TeacherFacts facts, DateOnly today, out bool attention)
    {
        attention = false;
        if (facts.CategoryExpiresOn is not { } expiresOn)
            return action;
        var applyBy = TeacherPlanCalendar.ApplyBy(expiresOn);
        if (expiresOn < today)
        {
            attention = true;
            return $"{action}: срок действия категории истёк {Text.Date(expiresOn)}";
        }
        // The plan's first step (the cabinet's data) is due: the school acts now.
        attention = today >= TeacherPlanCalendar.For(expiresOn).CabinetDataBy;
        return today > applyBy
            ? $"{action} как можно скорее: рекомендованный срок {Text.Date(applyBy)} прошёл, категория действует до {Text.Date(expiresOn)}"
            : $"{action} до {Text.Date(applyBy)}";
    }

    private static string DecisionText(TeacherFacts facts) => (facts.Outcome, facts.ClaimedCategory) switch
    {
        (DecisionOutcome.Refused, _) => "Решение комиссии: отказать в установлении квалификационной категории",
        (DecisionOutcome.Established, { } category) => $"Решение комиссии: установлена квалификационная категория «{category.ToRussian()}»",
        _ => "Решение комиссии принято",
    };

}
