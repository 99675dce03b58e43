using System.Security.Claims;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Data.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.Expert.Pages;

/// <summary>A school coordinator as the expert needs him: whom to call about visits and missing materials.</summary>
public sealed record CoordinatorContact(string FullName, string? Phone, string? Email);

/// <summary>
/// What an expert may see: the applications he is one of the two experts of, and of those only the ones whose
/// municipal schedule the operator has approved, from the 16th of the month before the period («после пятнадцатого
/// числа», seed «Процедурные мероприятия»). Everything else is 404 on every page of the area.
/// </summary>
public static class ExpertScope
{
    public static bool IsVisible(PeriodDeadlines deadlines, bool approved, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return approved && today >= deadlines.ExpertScheduleVisibleFrom;
    }

    /// <summary>
    /// The expert's assignment <paramref name="id"/> if its individual schedule is visible today, tracked when
    /// <paramref name="tracking"/> (for a change), with its documents; null means 404.
    /// </summary>
    public static async Task<Application?> FindVisibleAsync(this AttestationDbContext db, ClaimsPrincipal expert, Guid id,
        DateOnly today, bool tracking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Applications.AssignedTo(expert).Include(a => a.Documents).AsQueryable();
        if (!tracking)
            query = query.AsNoTracking();
        var application = await query.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return null;

        var periodId = application.PeriodId!.Value;
        var facts = await db.Periods.AsNoTracking()
            .Where(p => p.Id == periodId)
            .Select(p => new
            {
                Period = p,
                Approved = db.ScheduleApprovals.Any(s => s.PeriodId == periodId && s.MunicipalityId == application.MunicipalityId),
            })
            .SingleAsync(ct);
        return IsVisible(PeriodCalendar.Deadlines(facts.Period), facts.Approved, today) ? application : null;
    }

    /// <summary>The school coordinators («Координатор по аттестации в ОО») of each organisation, by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<CoordinatorContact>>> SchoolCoordinatorsAsync(
        this AttestationDbContext db, IReadOnlyCollection<int> organisationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (organisationIds.Count == 0)
            return new Dictionary<int, IReadOnlyList<CoordinatorContact>>();

        var ids = organisationIds.ToList();
        // The role on the account (AccountRoles): the schools' coordinators read by (organisation, role) from its index.
        var people = await (
                from user in db.UsersInRole(Roles.SchoolCoordinator).AsNoTracking()
                where user.OrganisationId != null
                    && ids.Contains(user.OrganisationId.Value)
                select user)
            .ToPeople(db)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .ToListAsync(ct);
        return people
            .GroupBy(p => p.OrganisationId!.Value)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<CoordinatorContact>)g
                    .Select(p => new CoordinatorContact(
                        p.FullName,
                        Phones(p.WorkPhone, p.Phone),
                        p.Email))
                    .ToList());
    }

    private static string? Phones(string? work, string? mobile)
    {
        var phones = new[] { work, mobile }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct().ToList();
        return phones.Count == 0 ? null : string.Join(", ", phones);
    }
}
