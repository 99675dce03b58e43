namespace Attestation.Domain.Applications;

/// <summary>The documents attached to an application. Values are stored; do not renumber.</summary>
public enum ApplicationDocumentKind
{
    /// <summary>The printed, signed and scanned application.</summary>
    SignedApplication = 0,

    /// <summary>The description of professional results.</summary>
    ResultsDescription = 1,

    /// <summary>The head's cover letter.</summary>
    HeadCoverLetter = 2,

    /// <summary>For primary-school teachers: the lesson technology card.</summary>
    LessonTechnologyCard = 3,

    /// <summary>«Ходатайство работодателя», required for «педагог-методист» and «педагог-наставник».</summary>
    EmployerPetition = 4,

    Other = 5,
}
