namespace Attestation.Domain.Categories;

/// <summary>«Квалификационная категория». Values are stored; do not renumber.</summary>
public enum QualificationCategory
{
    /// <summary>«не имею».</summary>
    None = 0,

    /// <summary>«первая».</summary>
    First = 1,

    /// <summary>«высшая».</summary>
    Highest = 2,

    /// <summary>«педагог-методист» (since 01.09.2023, for holders of «высшая»).</summary>
    Methodist = 3,

    /// <summary>«педагог-наставник» (since 01.09.2023, for holders of «высшая»).</summary>
    Mentor = 4,
}
