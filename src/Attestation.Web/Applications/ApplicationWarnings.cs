using Attestation.Domain.Applications;
using Attestation.Domain.Rules;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Applications;

/// <summary>
/// Gathers the facts the eligibility rules need from the database and evaluates them: the warnings shown to the
/// teacher on the form and to the coordinator at registration.
/// </summary>
public sealed class ApplicationWarnings(AttestationDbContext db, RegionTime region, IOptions<EligibilitySettings> settings)
{
    public async Task<IReadOnlyList<RuleWarning>> ForAsync(Application application, CancellationToken ct)
    {
        if (application.ClaimedCategory is null)
            return [];

        var position = await db.Positions.AsNoTracking().SingleAsync(p => p.Id == application.PositionId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId, ct);
        var held = await db.HeldCategories.AsNoTracking().Where(c => c.TeacherId == application.TeacherId).ToListAsync(ct);
        var others = await db.Applications.AsNoTracking()
            .Where(a => a.TeacherId == application.TeacherId && a.Id != application.Id)
            .Select(a => new { a.Status, a.Decision })
            .ToListAsync(ct);

        var expertIds = new[] { application.ExpertAId, application.ExpertBId }.OfType<Guid>().ToList();
        var expertOrganisations = expertIds.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => expertIds.Contains(u.Id) && u.OrganisationId != null)
                .Select(u => u.OrganisationId!.Value)
                .ToListAsync(ct);

        var facts = EligibilityFacts.From(application, position, organisation, region.Today) with
        {
            HeldCategories = held,
            OtherOpenApplications = others.Count(o => o.Status.IsInProgress()),
            LastRefusalOn = others
                .Where(o => o.Decision is { Outcome: DecisionOutcome.Refused })
                .Select(o => (DateOnly?)o.Decision!.MeetingDate)
                .Max(),
            ExpertOrganisationIds = expertOrganisations,
        };
        return EligibilityRules.Evaluate(facts, settings.Value);
    }

    /// <summary>«2 предупреждения».</summary>
    public static string CountText(int count) =>
        $"{count} {Documents.DocumentText.Plural(count, "предупреждение", "предупреждения", "предупреждений")}";

    /// <summary>The documents this application must carry before submission.</summary>
    public async Task<IReadOnlyList<ApplicationDocumentKind>> RequiredDocumentsAsync(Application application, CancellationToken ct)
    {
        var subject = application.SubjectId is { } subjectId
            ? await db.Subjects.AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.Name).SingleOrDefaultAsync(ct)
            : null;
        return RequiredDocuments.For(application.ClaimedCategory, RequiredDocuments.TeachesPrimaryClasses(subject));
    }
}
