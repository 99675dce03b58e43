using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Names;
using Attestation.Domain.Periods;

namespace Attestation.Web.Documents;

/// <summary>A specialist as the conclusion names him: «Фёдоров Алексей Николаевич, учитель, МАОУ СОШ № 2 г. Томска».</summary>
public sealed record ConclusionExpert(string FullName, string ShortName, string? Position, string? Workplace);

/// <summary>
/// What the printed «Итоговое заключение» template (Templates/ConclusionForm.razor) shows: the attestee, the claim,
/// the period and both specialists filled in, the analysis and the recommendation left for the specialists to write,
/// and the three signatures. Build it with <see cref="From"/>.
/// </summary>
public sealed record ConclusionFormModel
{
    public required string TeacherFullName { get; init; }

    /// <summary>«…уровень квалификации педагогического работника Ивановой Ольги Петровны»: the teacher's correction where he made one.</summary>
    public required string TeacherFullNameGenitive { get; init; }

    /// <summary>«Иванова О. П.», beside the signature.</summary>
    public required string TeacherShortName { get; init; }

    public GrammaticalGender TeacherGender { get; init; }

    /// <summary>«учитель математики».</summary>
    public required string Position { get; init; }

    public required string Organisation { get; init; }

    public required string Municipality { get; init; }

    /// <summary>As the application names it: «высшая», «педагог-методист».</summary>
    public required string ClaimedCategory { get; init; }

    /// <summary>For «…требованиям, предъявляемым к высшей квалификационной категории».</summary>
    public required string ClaimedCategoryGenitive { get; init; }

    /// <summary>«очно» or «дистанционно».</summary>
    public required string Form { get; init; }

    /// <summary>«январь-февраль 2027».</summary>
    public required string Period { get; init; }

    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    public required IReadOnlyList<ConclusionExpert> Experts { get; init; }

    /// <summary>The region's date the template was printed on.</summary>
    public required DateOnly FormedOn { get; init; }

    public string FileName => $"Итоговое заключение — {TeacherShortName}.pdf";

    /// <param name="position">The position's name, e.g. «Учитель»; written with a small letter.</param>
    /// <param name="subject">The subject's name in the genitive («математики»), or null.</param>
    /// <param name="teacherGenitive">The teacher's own spelling of his name in the genitive, from his profile.</param>
    public static ConclusionFormModel From(
        Application application,
        string position,
        string? subject,
        string organisation,
        string municipality,
        AttestationPeriod period,
        IReadOnlyList<ConclusionExpert> experts,
        DateOnly today,
        GenitiveCorrection? teacherGenitive = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(experts);
        ArgumentException.ThrowIfNullOrWhiteSpace(position);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);

        var name = new PersonName(application.LastName, application.FirstName, application.MiddleName);
        var positionText = DocumentText.LowerFirst(position.Trim());
        var claimed = application.ClaimedCategory is { } category && category.IsClaimable() ? category : (QualificationCategory?)null;
        return new ConclusionFormModel
        {
            TeacherFullName = name.FullName,
            TeacherFullNameGenitive = name.FullNameGenitiveWith(teacherGenitive),
            TeacherShortName = name.ShortName,
            TeacherGender = name.Gender,
            Position = string.IsNullOrWhiteSpace(subject) ? positionText : $"{positionText} {subject.Trim()}",
            Organisation = organisation.Trim(),
            Municipality = municipality.Trim(),
            ClaimedCategory = claimed?.ToRussian() ?? DocumentText.Blank,
            ClaimedCategoryGenitive = claimed is { } c ? CategoryGenitive(c) : $"{DocumentText.Blank} квалификационной категории",
            Form = application.Form?.ToRussian() ?? "очно / дистанционно",
            Period = period.Name,
            PeriodStart = period.StartDate,
            PeriodEnd = period.EndDate,
            Experts = experts,
            FormedOn = today,
        };
    }

    /// <summary>«высшей квалификационной категории»; «квалификационной категории «педагог-методист»».</summary>
    public static string CategoryGenitive(QualificationCategory category) =>
        category.IsIntroducedIn2023()
            ? $"квалификационной категории {category.ToRussianGenitive()}"
            : $"{category.ToRussianGenitive()} квалификационной категории";

    /// <summary>«С итоговым заключением ознакомлен» / «ознакомлена» / «ознакомлен(а)».</summary>
    public string Acquainted => TeacherGender switch
    {
        GrammaticalGender.Male => "ознакомлен",
        GrammaticalGender.Female => "ознакомлена",
        _ => "ознакомлен(а)",
    };
}
