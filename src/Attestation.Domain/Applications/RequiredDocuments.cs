using Attestation.Domain.Categories;

namespace Attestation.Domain.Applications;

/// <summary>The documents an application must carry before it is submitted (SPEC §5, the seed's document package).</summary>
public static class RequiredDocuments
{
    /// <summary>The subject of primary-school teachers as the directory names it.</summary>
    public const string PrimaryClassesSubject = "начальных классов";

    public static IReadOnlyList<ApplicationDocumentKind> For(QualificationCategory? claimed, bool teachesPrimaryClasses)
    {
        var kinds = new List<ApplicationDocumentKind> { ApplicationDocumentKind.SignedApplication };
        // The employer's petition is what the 2023 Порядок asks for the two new categories.
        if (claimed is QualificationCategory.Methodist or QualificationCategory.Mentor)
        {
            kinds.Add(ApplicationDocumentKind.EmployerPetition);
        }

        // Regional practice: primary-school teachers attach a lesson technology card.
        if (teachesPrimaryClasses)
        {
            kinds.Add(ApplicationDocumentKind.LessonTechnologyCard);
        }

        return kinds;
    }

    public static bool TeachesPrimaryClasses(string? subjectName) =>
        string.Equals(subjectName?.Trim(), PrimaryClassesSubject, StringComparison.OrdinalIgnoreCase);
}
