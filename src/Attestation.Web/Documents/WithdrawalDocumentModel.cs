using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Names;

namespace Attestation.Web.Documents;

/// <summary>
/// What the printed «Заявление на отзыв» (Templates/WithdrawalDocument.razor) shows when the municipal coordinator
/// withdraws an application on the teacher's behalf: it is printed, signed, scanned and attached before it is filed.
/// </summary>
public sealed record WithdrawalDocumentModel
{
    /// <summary>The municipality's full name.</summary>
    public required string Municipality { get; init; }

    /// <summary>«В аттестационную комиссию …», as the region names it (<see cref="DocumentsOptions"/>).</summary>
    public required string Commission { get; init; }

    /// <summary>The coordinator who forms the document and signs it.</summary>
    public required string CoordinatorFullName { get; init; }

    /// <summary>«от Петровой Галины Ивановны».</summary>
    public required string CoordinatorFullNameGenitive { get; init; }

    public required string CoordinatorShortName { get; init; }

    public required string TeacherFullName { get; init; }

    /// <summary>«…заявление о проведении аттестации педагогического работника Ивановой Ольги Петровны».</summary>
    public required string TeacherFullNameGenitive { get; init; }

    public required string TeacherShortName { get; init; }

    /// <summary>«учитель математики».</summary>
    public required string TeacherPosition { get; init; }

    public required string TeacherOrganisation { get; init; }

    /// <summary>«высшую квалификационную категорию».</summary>
    public string? ClaimedCategory { get; init; }

    public DateOnly? SubmittedOn { get; init; }

    public string? RegistrationNumber { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    /// <summary>«январь-февраль 2026», when the application is in a period.</summary>
    public string? Period { get; init; }

    /// <summary>As the withdrawal journal will print it: «увольнение», «по состоянию здоровья: …», or the text of «иное».</summary>
    public required string Reason { get; init; }

    /// <summary>The region's date the document was formed on.</summary>
    public required DateOnly FormedOn { get; init; }

    public string FileName => $"Заявление на отзыв — {TeacherShortName}.pdf";

    /// <param name="position">The position's name with its subject, e.g. «учитель математики».</param>
    /// <param name="coordinatorGenitive">The coordinator's own spelling of his name in the genitive, if he made one.</param>
    /// <param name="teacherGenitive">The teacher's own spelling of his name in the genitive, from his profile.</param>
    /// <param name="commission">«В аттестационную комиссию …» (<see cref="DocumentsOptions.CommissionAddressee"/>).</param>
    public static WithdrawalDocumentModel From(
        Application application,
        string municipality,
        string position,
        string organisation,
        string? period,
        PersonName coordinator,
        GenitiveCorrection? coordinatorGenitive,
        GenitiveCorrection? teacherGenitive,
        string commission,
        WithdrawalReason reason,
        string? reasonText,
        TimeZoneInfo zone,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentException.ThrowIfNullOrWhiteSpace(commission);
        var teacher = new PersonName(application.LastName, application.FirstName, application.MiddleName);
        return new WithdrawalDocumentModel
        {
            Municipality = municipality,
            Commission = commission.Trim(),
            CoordinatorFullName = coordinator.FullName,
            CoordinatorFullNameGenitive = coordinator.FullNameGenitiveWith(coordinatorGenitive),
            CoordinatorShortName = coordinator.ShortName,
            TeacherFullName = teacher.FullName,
            TeacherFullNameGenitive = teacher.FullNameGenitiveWith(teacherGenitive),
            TeacherShortName = teacher.ShortName,
            TeacherPosition = position,
            TeacherOrganisation = organisation,
            ClaimedCategory = application.ClaimedCategory is { } claimed && claimed.IsClaimable()
                ? ApplicationFormModel.CategoryAccusative(claimed)
                : null,
            SubmittedOn = application.SubmittedAt is { } submitted ? RegionClock.Today(submitted, zone) : null,
            RegistrationNumber = application.RegistrationNumber,
            RegisteredOn = application.RegisteredOn,
            Period = period,
            Reason = ReasonText(reason, reasonText),
            FormedOn = today,
        };
    }

    /// <summary>The reason in the words of the withdrawal journal (<see cref="Withdrawal.ReasonDisplay"/>).</summary>
    public static string ReasonText(WithdrawalReason reason, string? text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return (reason, trimmed) switch
        {
            (WithdrawalReason.Other, { } other) => other,
            (_, null) => reason.ToRussian(),
            (_, { } more) => $"{reason.ToRussian()}: {more}",
        };
    }
}
