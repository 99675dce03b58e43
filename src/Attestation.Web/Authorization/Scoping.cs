using System.Security.Claims;
using Attestation.Domain.Applications;
using Attestation.Domain.Periods;
using Attestation.Web.Data;

namespace Attestation.Web.Authorization;

/// <summary>
/// What each person may see, as query filters. Every page that reads applications starts from one of these, so that
/// an id typed into a URL by someone else finds nothing (404), never data.
/// </summary>
public static class Scoping
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The page requires a signed-in user."));

    /// <summary>The municipality a coordinator (or expert) works for; null for people without one (the operator).</summary>
    public static int? MunicipalityId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaims.MunicipalityId), System.Globalization.CultureInfo.InvariantCulture,
            out var id) ? id : null;

    /// <summary>
    /// The municipality of a municipal coordinator on a page of his area: <see cref="RequireMunicipalityFilter"/> lets
    /// him in only with one, so its absence here is a bug, not a user's situation.
    /// </summary>
    public static int OwnMunicipalityId(this ClaimsPrincipal coordinator) =>
        coordinator.MunicipalityId()
            ?? throw new InvalidOperationException("RequireMunicipalityFilter admits a municipal coordinator only with a municipality.");

    /// <summary>
    /// Everything of the coordinator's own municipality and nothing else; a user without a municipality sees nothing.
    /// </summary>
    public static IQueryable<Application> InMunicipalityOf(this IQueryable<Application> applications, ClaimsPrincipal coordinator)
    {
        var municipalityId = coordinator.MunicipalityId() ?? -1;
        return applications.Where(a => a.MunicipalityId == municipalityId);
    }

    /// <summary>The invitations into the coordinator's municipality of the roles he may invite.</summary>
    public static IQueryable<Invitation> InMunicipalityOf(this IQueryable<Invitation> invitations, ClaimsPrincipal coordinator)
    {
        var municipalityId = coordinator.MunicipalityId() ?? -1;
        var roles = Invitation.RolesInvitableBy(Roles.MunicipalCoordinator);
        return invitations.Where(i => i.MunicipalityId == municipalityId && roles.Contains(i.Role));
    }

    /// <summary>The people of the coordinator's municipality.</summary>
    public static IQueryable<AppUser> InMunicipalityOf(this IQueryable<AppUser> users, ClaimsPrincipal coordinator)
    {
        var municipalityId = coordinator.MunicipalityId() ?? -1;
        return users.Where(u => u.MunicipalityId == municipalityId);
    }

    /// <summary>The schedule approvals of the coordinator's municipality.</summary>
    public static IQueryable<ScheduleApproval> InMunicipalityOf(this IQueryable<ScheduleApproval> approvals, ClaimsPrincipal coordinator)
    {
        var municipalityId = coordinator.MunicipalityId() ?? -1;
        return approvals.Where(a => a.MunicipalityId == municipalityId);
    }

    /// <summary>The applications an expert is one of the two experts of (what he may see is narrowed by <c>ExpertScope</c>).</summary>
    public static IQueryable<Application> AssignedTo(this IQueryable<Application> applications, ClaimsPrincipal expert)
    {
        var id = expert.UserId();
        return applications.Where(a => a.PeriodId != null && (a.ExpertAId == id || a.ExpertBId == id));
    }

    /// <summary>The applications of one organisation (a school coordinator's own, read from his account).</summary>
    public static IQueryable<Application> OfOrganisation(this IQueryable<Application> applications, int organisationId) =>
        applications.Where(a => a.OrganisationId == organisationId);

    /// <summary>
    /// The applications of a school coordinator's own organisation (the one in his account, read with the query: a change
    /// of workplace applies at once); a coordinator without an organisation sees none.
    /// </summary>
    public static IQueryable<Application> InOrganisationOf(this IQueryable<Application> applications, IQueryable<AppUser> users,
        ClaimsPrincipal coordinator)
    {
        var id = coordinator.UserId();
        var organisation = users.Where(u => u.Id == id && u.OrganisationId != null).Select(u => u.OrganisationId!.Value);
        return applications.Where(a => organisation.Contains(a.OrganisationId));
    }

    /// <summary>A teacher's own applications.</summary>
    public static IQueryable<Application> OwnedBy(this IQueryable<Application> applications, ClaimsPrincipal teacher)
    {
        var id = teacher.UserId();
        return applications.Where(a => a.TeacherId == id);
    }
}
