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
        ArgumentNullException.ThrowIfNull(application);
        return (await ForManyAsync([application], ct))[application.Id];
    }

    /// <summary>
    /// The warnings of several applications (a page of the registration journal) in a fixed number of queries, whatever
    /// their number: positions, organisations, the teachers' categories and other applications, the experts' workplaces.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<RuleWarning>>> ForManyAsync(
        IReadOnlyCollection<Application> applications, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var result = applications.ToDictionary(a => a.Id, _ => (IReadOnlyList<RuleWarning>)[]);
        var claimed = applications.Where(a => a.ClaimedCategory is not null).ToList();
        if (claimed.Count == 0)
            return result;

        var positionIds = claimed.Select(a => a.PositionId).Distinct().ToList();
        var organisationIds = claimed.Select(a => a.OrganisationId).Distinct().ToList();
        var teacherIds = claimed.Select(a => a.TeacherId).Distinct().ToList();
        var expertIds = claimed.SelectMany(a => a.AssignedExperts).Distinct().ToList();
        var positions = await db.Positions.AsNoTracking().Where(p => positionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var held = (await db.HeldCategories.AsNoTracking().Where(c => teacherIds.Contains(c.TeacherId)).ToListAsync(ct))
            .ToLookup(c => c.TeacherId);
        var others = (await db.Applications.AsNoTracking()
                .Where(a => teacherIds.Contains(a.TeacherId))
                .Select(a => new { a.Id, a.TeacherId, a.Status, a.Decision })
                .ToListAsync(ct))
            .ToLookup(a => a.TeacherId);
        var expertOrganisations = expertIds.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => expertIds.Contains(u.Id) && u.OrganisationId != null)
                .ToDictionaryAsync(u => u.Id, u => u.OrganisationId!.Value, ct);

        foreach (var application in claimed)
        {
            var otherOfTeacher = others[application.TeacherId].Where(o => o.Id != application.Id).ToList();
            var facts = EligibilityFacts.From(application, positions[application.PositionId], organisations[application.OrganisationId], region.Today) with
            {
                HeldCategories = held[application.TeacherId].ToList(),
                OtherOpenApplications = otherOfTeacher.Count(o => o.Status.IsInProgress()),
                LastRefusalOn = otherOfTeacher
                    .Where(o => o.Decision is { Outcome: DecisionOutcome.Refused })
                    .Select(o => (DateOnly?)o.Decision!.MeetingDate)
                    .Max(),
                ExpertOrganisationIds = application.AssignedExperts.Where(expertOrganisations.ContainsKey)
                    .Select(id => expertOrganisations[id]).ToList(),
            };
            result[application.Id] = EligibilityRules.Evaluate(facts, settings.Value);
        }
        return result;
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
