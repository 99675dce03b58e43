using System.Security.Claims;
using Attestation.Domain.Applications;

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
    /// Everything of the coordinator's own municipality and nothing else; a user without a municipality sees nothing.
    /// </summary>
    public static IQueryable<Application> InMunicipalityOf(this IQueryable<Application> applications, ClaimsPrincipal coordinator)
    {
        var municipalityId = coordinator.MunicipalityId() ?? -1;
        return applications.Where(a => a.MunicipalityId == municipalityId);
    }

    /// <summary>A teacher's own applications.</summary>
    public static IQueryable<Application> OwnedBy(this IQueryable<Application> applications, ClaimsPrincipal teacher)
    {
        var id = teacher.UserId();
        return applications.Where(a => a.TeacherId == id);
    }
}
