using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Municipality.Pages.Schedule;

/// <summary>
/// The experts that may be assigned to an application in a period: the approved list of the period's school year for
/// the application's municipality, in the suggestion order with their warnings. The coordinator's scheduling form and
/// the operator's replacement of an expert after the period closed offer the same choice.
/// </summary>
public static class ExpertChoices
{
    /// <summary>Whether the school year has an approved list at all, and the municipality's experts on it.</summary>
    public static async Task<(bool HasApprovedList, IReadOnlyList<ExpertChoice> Experts)> ForAsync(
        AttestationDbContext db, Application application, AttestationPeriod period, CancellationToken ct)
    {
        var year = period.SchoolYear.StartYear;
        var hasList = await db.ApprovedExpertLists.AnyAsync(l => l.SchoolYearStart == year, ct);
        var entries = await (
                from entry in db.ApprovedExperts
                join list in db.ApprovedExpertLists on entry.ListId equals list.Id
                join user in db.Users on entry.ExpertId equals user.Id
                where list.SchoolYearStart == year && entry.MunicipalityId == application.MunicipalityId
                select new
                {
                    user.Id,
                    user.LastName,
                    user.FirstName,
                    user.MiddleName,
                    user.PositionId,
                    user.SubjectId,
                    user.OrganisationId,
                    ListedPositionId = entry.PositionId,
                    ListedSubjectId = entry.SubjectId,
                })
            .AsNoTracking()
            .ToListAsync(ct);
        if (entries.Count == 0)
            return (hasList, []);

        var positions = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        // The directory entries feed the suggestion rules (active, vocational), and their names the choice's text.
        var subjectIds = entries.Select(e => e.SubjectId ?? e.ListedSubjectId).OfType<int>().Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var organisationIds = entries.Select(e => e.OrganisationId).OfType<int>().Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);

        // The current load: every other application of the period (of any municipality: an expert may serve several).
        var assigned = await db.Applications.AsNoTracking()
            .Where(a => a.PeriodId == period.Id && a.Id != application.Id)
            .Select(a => new { a.ExpertAId, a.ExpertBId })
            .ToListAsync(ct);
        var load = assigned.SelectMany(a => new[] { a.ExpertAId, a.ExpertBId }).OfType<Guid>()
            .GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());

        var facts = entries.Select(e =>
        {
            var position = e.PositionId is { } p && positions.TryGetValue(p, out var found) ? found : null;
            var subjectId = e.SubjectId ?? e.ListedSubjectId;
            var organisation = e.OrganisationId is { } o && organisations.TryGetValue(o, out var org) ? org : null;
            return new ExpertFacts(
                e.Id,
                PersonName.Join(e.LastName, e.FirstName, e.MiddleName),
                position?.Id,
                position?.Name,
                position?.IsActive ?? false,
                position?.IsVocational ?? false,
                e.ListedPositionId,
                e.ListedPositionId is { } listed && positions.TryGetValue(listed, out var listedPosition) ? listedPosition.Name : null,
                subjectId,
                subjectId is { } s && subjects.TryGetValue(s, out var subject) ? subject.Name : null,
                organisation?.Id,
                organisation?.Name,
                organisation?.IsVocational ?? false,
                load.GetValueOrDefault(e.Id));
        });
        return (hasList, ExpertSuggestions.Order(facts, application.PositionId, application.SubjectId, application.OrganisationId));
    }
}
