using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Directory;

namespace Attestation.Domain.Rules;

/// <summary>Everything the eligibility rules look at, gathered by the caller from the database.</summary>
public sealed record EligibilityFacts
{
    public required QualificationCategory ClaimedCategory { get; init; }

    /// <summary>The region's calendar date the check is made on.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The teacher's category records (all positions, current and past).</summary>
    public IReadOnlyList<HeldCategory> HeldCategories { get; init; } = [];

    /// <summary>
    /// What the teacher declared on the application: old categories are often missing from the records, and the
    /// declaration is then the only evidence.
    /// </summary>
    public QualificationCategory DeclaredCategory { get; init; }

    public DateOnly? DeclaredCategoryExpiresOn { get; init; }

    public bool PositionIsMethodist { get; init; }

    public bool PositionIsVocational { get; init; }

    public bool OrganisationIsVocational { get; init; }

    public bool HasEmployerPetition { get; init; }

    /// <summary>The teacher's other applications in progress (see <see cref="ApplicationStatusExtensions.IsInProgress"/>).</summary>
    public int OtherOpenApplications { get; init; }

    /// <summary>The date of the teacher's latest refusal by the commission, if any.</summary>
    public DateOnly? LastRefusalOn { get; init; }

    public int TeacherOrganisationId { get; init; }

    /// <summary>The workplaces of the assigned (or proposed) experts.</summary>
    public IReadOnlyCollection<int> ExpertOrganisationIds { get; init; } = [];

    /// <summary>
    /// The facts an application itself provides; the rest (held categories, other applications, refusals, experts'
    /// organisations) are added with <c>with { … }</c>.
    /// </summary>
    public static EligibilityFacts From(Application application, Position position, Organisation organisation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(organisation);
        return new EligibilityFacts
        {
            ClaimedCategory = application.ClaimedCategory ?? QualificationCategory.None,
            Today = today,
            DeclaredCategory = application.CurrentCategory,
            DeclaredCategoryExpiresOn = application.CurrentCategoryExpiresOn,
            PositionIsMethodist = position.IsMethodist,
            PositionIsVocational = position.IsVocational,
            OrganisationIsVocational = organisation.IsVocational,
            HasEmployerPetition = application.HasDocument(ApplicationDocumentKind.EmployerPetition),
            TeacherOrganisationId = application.OrganisationId,
        };
    }
}
