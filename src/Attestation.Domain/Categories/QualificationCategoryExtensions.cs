namespace Attestation.Domain.Categories;

public static class QualificationCategoryExtensions
{
    /// <summary>The words of the application form: «не имею», «первая», «высшая», «педагог-методист», «педагог-наставник».</summary>
    public static string ToRussian(this QualificationCategory category) => category switch
    {
        QualificationCategory.None => "не имею",
        QualificationCategory.First => "первая",
        QualificationCategory.Highest => "высшая",
        QualificationCategory.Methodist => "педагог-методист",
        QualificationCategory.Mentor => "педагог-наставник",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>
    /// For «…в целях установления первой квалификационной категории»; the new categories are names, not adjectives,
    /// and are quoted: «квалификационной категории "педагог-методист"».
    /// </summary>
    public static string ToRussianGenitive(this QualificationCategory category) => category switch
    {
        QualificationCategory.None => "не имею",
        QualificationCategory.First => "первой",
        QualificationCategory.Highest => "высшей",
        QualificationCategory.Methodist => "«педагог-методист»",
        QualificationCategory.Mentor => "«педагог-наставник»",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>For «установить первую квалификационную категорию».</summary>
    public static string ToRussianAccusative(this QualificationCategory category) => category switch
    {
        QualificationCategory.None => "не имею",
        QualificationCategory.First => "первую",
        QualificationCategory.Highest => "высшую",
        QualificationCategory.Methodist => "«педагог-методист»",
        QualificationCategory.Mentor => "«педагог-наставник»",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>Only a real category can be claimed in an application.</summary>
    public static bool IsClaimable(this QualificationCategory category) =>
        category is QualificationCategory.First or QualificationCategory.Highest
            or QualificationCategory.Methodist or QualificationCategory.Mentor;

    /// <summary>«Педагог-методист» and «педагог-наставник» exist only under the 2023 Порядок.</summary>
    public static bool IsIntroducedIn2023(this QualificationCategory category) =>
        category is QualificationCategory.Methodist or QualificationCategory.Mentor;
}
