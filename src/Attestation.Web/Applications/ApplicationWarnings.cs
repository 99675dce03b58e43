using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
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
            var facts = EligibilityFacts.From(application, positions[application.PositionId], organisations[application.OrganisationId], region.Today);
            var otherOfTeacher = others[application.TeacherId].Where(o => o.Id != application.Id).ToList();
            result[application.Id] = Evaluate(facts with
            {
                OtherOpenApplications = otherOfTeacher.Count(o => o.Status.IsInProgress()),
                LastRefusalOn = otherOfTeacher
                    .Where(o => o.Decision is { Outcome: DecisionOutcome.Refused })
                    .Select(o => (DateOnly?)o.Decision!.MeetingDate)
                    .Max(),
            }, held[application.TeacherId],
                application.AssignedExperts.Where(expertOrganisations.ContainsKey).Select(id => expertOrganisations[id]));
        }
        return result;
    }

    /// <summary>The warnings of one saved application (its card) in one statement.</summary>
    public async Task<IReadOnlyList<RuleWarning>> OfSavedAsync(Guid id, CancellationToken ct) =>
        (await OfSavedAsync([id], ct)).GetValueOrDefault(id) ?? [];

    /// <summary>
    /// The warnings of saved applications (a page of the registration journal) in one statement: each application's
    /// own facts with its position, organisation, the teacher's categories and other applications and the experts'
    /// workplaces, joined in the database.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<RuleWarning>>> OfSavedAsync(IReadOnlyCollection<Guid> ids,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return new Dictionary<Guid, IReadOnlyList<RuleWarning>>();
        var rows = new List<SavedFacts>(ids.Count);
        await foreach (var row in SavedFactsOf(db, [.. ids], ids.Count, region.Today, InProgress).WithCancellation(ct))
            rows.Add(row);
        var result = ids.ToDictionary(id => id, _ => (IReadOnlyList<RuleWarning>)[]);
        foreach (var row in rows)
            result[row.Id] = Evaluate(row.Facts, row.Held, new[] { row.ExpertAOrganisation, row.ExpertBOrganisation }.OfType<int>());
        return result;
    }

    private static readonly ApplicationStatus[] InProgress = [.. ApplicationRules.InProgress];

    /// <summary>
    /// The facts of saved applications, compiled once: the teacher's other applications counted and the experts'
    /// workplaces read as scalars in the database, only the categories a list, so each application is one row of the
    /// result and nothing owned is materialised. Built inline, the query's expression took a fifth of a registration
    /// journal page's allocations on every request. The scalars are read in a subquery cut by its LIMIT, which
    /// PostgreSQL keeps apart: joined with the categories first, it counted each teacher's other applications once
    /// per category held (four times a page's work, 1.3 ms of a registration page's 2.5).
    /// </summary>
    private static readonly Func<AttestationDbContext, Guid[], int, DateOnly, ApplicationStatus[], IAsyncEnumerable<SavedFacts>> SavedFactsOf =
        EF.CompileAsyncQuery((AttestationDbContext db, Guid[] ids, int count, DateOnly today, ApplicationStatus[] inProgress) =>
            from f in (
                from a in db.Applications.AsNoTracking()
                where ids.Contains(a.Id) && a.ClaimedCategory != null
                join position in db.Positions on a.PositionId equals position.Id
                join organisation in db.Organisations on a.OrganisationId equals organisation.Id
                select new
                {
                    a.Id,
                    a.TeacherId,
                    ClaimedCategory = a.ClaimedCategory!.Value,
                    a.CurrentCategory,
                    a.CurrentCategoryExpiresOn,
                    position.IsMethodist,
                    PositionIsVocational = position.IsVocational,
                    OrganisationIsVocational = organisation.IsVocational,
                    HasEmployerPetition = a.Documents.Any(d => d.Kind == ApplicationDocumentKind.EmployerPetition),
                    a.OrganisationId,
                    OtherOpenApplications = db.Applications
                        .Count(o => o.TeacherId == a.TeacherId && o.Id != a.Id && inProgress.Contains(o.Status)),
                    LastRefusalOn = db.Applications
                        .Where(o => o.TeacherId == a.TeacherId && o.Id != a.Id && o.Decision!.Outcome == DecisionOutcome.Refused)
                        .Max(o => (DateOnly?)o.Decision!.MeetingDate),
                    ExpertAOrganisation = db.Users.Where(u => u.Id == a.ExpertAId).Select(u => u.OrganisationId).FirstOrDefault(),
                    ExpertBOrganisation = db.Users.Where(u => u.Id == a.ExpertBId).Select(u => u.OrganisationId).FirstOrDefault(),
                }).OrderBy(f => f.Id).Take(count)
            select new SavedFacts
            {
                Id = f.Id,
                Facts = new EligibilityFacts
                {
                    ClaimedCategory = f.ClaimedCategory,
                    Today = today,
                    DeclaredCategory = f.CurrentCategory,
                    DeclaredCategoryExpiresOn = f.CurrentCategoryExpiresOn,
                    PositionIsMethodist = f.IsMethodist,
                    PositionIsVocational = f.PositionIsVocational,
                    OrganisationIsVocational = f.OrganisationIsVocational,
                    HasEmployerPetition = f.HasEmployerPetition,
                    TeacherOrganisationId = f.OrganisationId,
                    OtherOpenApplications = f.OtherOpenApplications,
                    LastRefusalOn = f.LastRefusalOn,
                },
                Held = db.HeldCategories.Where(c => c.TeacherId == f.TeacherId).ToList(),
                ExpertAOrganisation = f.ExpertAOrganisation,
                ExpertBOrganisation = f.ExpertBOrganisation,
            });

    private sealed class SavedFacts
    {
        public Guid Id { get; init; }
        public required EligibilityFacts Facts { get; init; }
        public required List<HeldCategory> Held { get; init; }
        public int? ExpertAOrganisation { get; init; }
        public int? ExpertBOrganisation { get; init; }
    }

    /// <summary>The facts of the application completed with its teacher's categories and its experts' workplaces, and the rules' verdict.</summary>
    private IReadOnlyList<RuleWarning> Evaluate(EligibilityFacts facts, IEnumerable<HeldCategory> held, IEnumerable<int> expertOrganisations) =>
        EligibilityRules.Evaluate(facts with
        {
            HeldCategories = held.ToList(),
            ExpertOrganisationIds = expertOrganisations.ToList(),
        }, settings.Value);

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
